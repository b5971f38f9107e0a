/* An image in four pixel types and the filters that run over it. */
#ifndef FILTERS_H
#define FILTERS_H

#include <stddef.h>
#include <stdint.h>

/* The pixel formats: X(suffix, pixel type, accumulator type, largest value). */
#define PIXEL_FORMATS(X)                      \
    X(u8, uint8_t, int32_t, 255)              \
    X(i8, int8_t, int32_t, 127)               \
    X(u16, uint16_t, int64_t, 65535)          \
    X(i16, int16_t, int64_t, 32767)           \
    X(u32, uint32_t, int64_t, 4294967295)     \
    X(i32, int32_t, int64_t, 2147483647)      \
    X(f32, float, float, 1.0e30f)             \
    X(f64, double, double, 1.0e300)

struct image {
    size_t width, height;
#define PLANE(suffix, T, ACC, MAX) T *suffix;
    PIXEL_FORMATS(PLANE)
#undef PLANE
};

struct filter {
    const char *name;
    uint32_t (*run)(const struct image *source);
};

struct image image_synthetic(size_t width, size_t height, uint32_t seed);
struct image image_like(const struct image *model);
uint32_t image_checksum(const struct image *image);
void image_free(struct image *image);

#endif
