# Chapter 5's own rules, included by the Makefile.

# The chapter's code is compiled for the processor that builds it, so that the
# compiler may use its widest vector instructions (see "Making it fast").
build/obj/05-mnist/%.o: CFLAGS += -O3 -march=native

# The book quotes a trained MNIST model and a trained Fashion-MNIST model.
# Each is trained once, by the default command; the same run writes the plot
# data (learning curves, confusion matrix, misclassified digits), so that every
# figure and every number of the chapter comes from the same two models.
# Waiting OpenMP threads sleep instead of spinning (OMP_WAIT_POLICY=passive),
# which keeps the training fast when make runs other jobs on the same cores.
MNIST_MODELS := build/05-mnist/mnist.model build/05-mnist/fashion.model

build/05-mnist/mnist.model: build/bin/05-mnist
	@mkdir -p build/plotdata/05-mnist/mnist
	OMP_WAIT_POLICY=passive build/bin/05-mnist train --save $@.part \
	  --plot-data build/plotdata/05-mnist/mnist > build/05-mnist/mnist-train.txt
	mv $@.part $@

build/05-mnist/fashion.model: build/bin/05-mnist
	@mkdir -p build/plotdata/05-mnist/fashion
	OMP_WAIT_POLICY=passive build/bin/05-mnist train --dataset fashion --save $@.part \
	  --plot-data build/plotdata/05-mnist/fashion > build/05-mnist/fashion-train.txt
	mv $@.part $@

build/plotdata/05-mnist/.stamp: $(MNIST_MODELS)
	@touch $@

BOOK_PREREQUISITES += $(MNIST_MODELS)
TEST_PREREQUISITES += $(MNIST_MODELS)
