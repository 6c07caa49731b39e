/**
 * Measures time-to-ready and memory of an image over several runs through a small ContainerRunner
 * it declares.
 */
package dev.sizebot.startup;
