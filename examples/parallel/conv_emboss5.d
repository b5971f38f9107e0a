conv_emboss5.o: conv.c filters.h kernels.h
filters.h:
kernels.h:
