#ifndef LEGACY_H
#define LEGACY_H
/* n in Roman numerals (1..3999), in a static buffer. */
const char *roman(int n);
#endif
