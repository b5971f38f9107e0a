conv_sobely.o: conv.c filters.h kernels.h
filters.h:
kernels.h:
