/**
 * The versioned report value, budgets turned into a verdict, and its markdown and JSON renderers.
 */
package dev.sizebot.report;
