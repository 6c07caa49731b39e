/**
 * Adapter to the Docker engine: BuildKit builds through the CLI, docker-java for save, inspect, run
 * and stats, and git worktrees.
 */
package dev.sizebot.docker;
