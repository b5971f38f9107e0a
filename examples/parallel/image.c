/* Synthetic test images and an FNV-1a checksum over every pixel plane. */
#include "filters.h"
#include <stdio.h>
#include <stdlib.h>

static void *allocate(size_t count, size_t size) {
    void *block = calloc(count, size);
    if (block == NULL) {
        perror("calloc");
        exit(1);
    }
    return block;
}

struct image image_like(const struct image *model) {
    size_t n = model->width * model->height;
    struct image image = {.width = model->width, .height = model->height};
#define ALLOCATE(suffix, T, ACC, MAX) image.suffix = allocate(n, sizeof(T));
    PIXEL_FORMATS(ALLOCATE)
#undef ALLOCATE
    return image;
}

struct image image_synthetic(size_t width, size_t height, uint32_t seed) {
    struct image model = {.width = width, .height = height};
    struct image image = image_like(&model);
    uint32_t state = seed;
    for (size_t y = 0; y < height; y++) {
        for (size_t x = 0; x < width; x++) {
            state = state * 1664525u + 1013904223u; /* a little noise over a gradient and a disc */
            size_t dx = x - width / 2, dy = y - height / 2;
            uint32_t value = (uint32_t)((x * 255) / width) ^ (dx * dx + dy * dy < width * height / 16 ? 0x80 : 0);
            value = (value + (state >> 29)) & 0xff;
            size_t i = y * width + x;
            image.u8[i] = (uint8_t)value;
            image.i8[i] = (int8_t)(value / 2);
            image.u16[i] = (uint16_t)(value * 257);
            image.i16[i] = (int16_t)(value * 128);
            image.u32[i] = value * 16843009u;
            image.i32[i] = (int32_t)(value * 8421504u);
            image.f32[i] = (float)value / 255.0f;
            image.f64[i] = (double)value / 255.0;
        }
    }
    return image;
}

static uint32_t fnv(uint32_t hash, const void *data, size_t length) {
    const unsigned char *bytes = data;
    for (size_t i = 0; i < length; i++) {
        hash = (hash ^ bytes[i]) * 16777619u;
    }
    return hash;
}

uint32_t image_checksum(const struct image *image) {
    size_t n = image->width * image->height;
    uint32_t hash = 2166136261u;
    hash = fnv(hash, image->u8, n);
    hash = fnv(hash, image->i8, n);
    hash = fnv(hash, image->u16, n * 2);
    hash = fnv(hash, image->i16, n * 2);
    hash = fnv(hash, image->u32, n * 4);
    hash = fnv(hash, image->i32, n * 4);
    for (size_t i = 0; i < n; i++) {
        /* floats are rounded first, so the checksum does not depend on the compiler's float contraction */
        int32_t f = (int32_t)(image->f32[i] * 1000.0f), d = (int32_t)(image->f64[i] * 1000.0);
        hash = fnv(hash, &f, sizeof f);
        hash = fnv(hash, &d, sizeof d);
    }
    return hash;
}

void image_free(struct image *image) {
#define RELEASE(suffix, T, ACC, MAX) free(image->suffix);
    PIXEL_FORMATS(RELEASE)
#undef RELEASE
}
