/**
 * Reads an image from a docker-save archive, an OCI layout or an engine stream, indexing every
 * layer in one streaming pass.
 */
package dev.sizebot.image;
