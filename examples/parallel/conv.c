/* One filter, compiled once per kernel of kernels.h: cc -DKERNEL=gauss -c conv.c -o conv_gauss.o.
 * Each object holds the filter for every pixel format of filters.h, with the 5x5 loops unrolled. */
#include "filters.h"
#include "kernels.h"

#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)
#define KERNEL_OF(name) CAT(K_, name)

/* K_name expands to "{25 coefficients}, divisor": exactly the initializer of this struct. */
static const struct {
    int coefficients[25];
    int divisor;
} kernel = {KERNEL_OF(KERNEL)};

#define DEFINE_CONV(SUFFIX, T, ACC, MAX)                                                        \
    static void conv_##SUFFIX(const T *restrict in, T *restrict out, size_t w, size_t h) {      \
        for (size_t y = 2; y + 2 < h; y++) {                                                    \
            for (size_t x = 2; x + 2 < w; x++) {                                                \
                ACC sum = 0;                                                                    \
                _Pragma("GCC unroll 5") for (int dy = -2; dy <= 2; dy++)                        \
                _Pragma("GCC unroll 5") for (int dx = -2; dx <= 2; dx++)                        \
                    sum += (ACC)in[(y + dy) * w + (x + dx)] * kernel.coefficients[(dy + 2) * 5 + dx + 2]; \
                sum /= kernel.divisor;                                                                 \
                out[y * w + x] = (T)(sum < 0 ? 0 : sum > (MAX) ? (MAX) : sum);                  \
            }                                                                                   \
        }                                                                                       \
    }

PIXEL_FORMATS(DEFINE_CONV)

static uint32_t run(const struct image *source) {
    struct image out = image_like(source);
#define RUN(suffix, T, ACC, MAX) conv_##suffix(source->suffix, out.suffix, source->width, source->height);
    PIXEL_FORMATS(RUN)
#undef RUN
    uint32_t sum = image_checksum(&out);
    image_free(&out);
    return sum;
}

#define STR_(x) #x
#define STR(x) STR_(x)
const struct filter CAT(filter_, KERNEL) = {STR(KERNEL), run};
