conv_laplace.o: conv.c filters.h kernels.h
filters.h:
kernels.h:
