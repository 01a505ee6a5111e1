/* Hex digits, shared by the parsers that decode escapes (%XX in URLs, \uXXXX in JSON). */
#ifndef UTIL_HEX_H
#define UTIL_HEX_H

/* The value of one hex digit (either case), or -1 when c is not one. */
int hex_digit_value(char c);

#endif
