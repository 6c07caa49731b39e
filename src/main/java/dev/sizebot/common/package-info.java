/**
 * Shared values (byte sizes, digests, image paths, image refs) and sizebot's one error family with
 * its exit codes.
 */
package dev.sizebot.common;
