package dev.sizebot.cli;

import dev.sizebot.diff.BuildSteps;
import dev.sizebot.report.BuildFailure;
import dev.sizebot.report.Compared;
import java.time.Duration;
import java.util.Optional;

/**
 * One side made ready to read: what it is for the report, where its image is (an archive or an
 * engine image; empty when its build failed), and what its Dockerfile says about its steps.
 */
record LoadedSide(
    Compared compared,
    Optional<SideSpec> readable,
    Optional<BuildSteps> build,
    Optional<BuildFailure> failure,
    Duration buildTime) {}
