conv_motionv.o: conv.c filters.h kernels.h
filters.h:
kernels.h:
