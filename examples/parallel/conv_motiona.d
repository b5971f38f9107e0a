conv_motiona.o: conv.c filters.h kernels.h
filters.h:
kernels.h:
