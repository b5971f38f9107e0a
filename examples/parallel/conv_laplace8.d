conv_laplace8.o: conv.c filters.h kernels.h
filters.h:
kernels.h:
