image.o: image.c filters.h
filters.h:
