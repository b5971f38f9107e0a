conv_motiond.o: conv.c filters.h kernels.h
filters.h:
kernels.h:
