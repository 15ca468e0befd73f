/* Tests of chapter 5: the IDX reader, the model file, the fast matrix
   multiply against the plain one, and training on a small part of MNIST. */
#include <criterion/criterion.h>
#include <errno.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "mnist.h"

/* ---- helpers -------------------------------------------------------------- */

static char test_dir[256];

static void make_test_dir(void) {
    snprintf(test_dir, sizeof test_dir, "/tmp/05-mnist-test-XXXXXX");
    cr_assert_not_null(mkdtemp(test_dir), "cannot create a temporary directory");
}

static void remove_test_dir(void) {
    char command[512];
    snprintf(command, sizeof command, "rm -rf '%s'", test_dir);
    cr_assert_eq(system(command), 0);
}

static void put_be32(uint8_t *at, uint32_t value) {
    at[0] = (uint8_t)(value >> 24);
    at[1] = (uint8_t)(value >> 16);
    at[2] = (uint8_t)(value >> 8);
    at[3] = (uint8_t)value;
}

/* Writes bytes to DIR/NAME, gzip-compressed if gzip is set. */
static void write_file(const char *name, const uint8_t *bytes, size_t n, int gzip) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", test_dir, name);
    if (gzip) {
        gzFile file = gzopen(path, "wb");
        cr_assert_not_null(file);
        if (n > 0) cr_assert_eq(gzwrite(file, bytes, (unsigned)n), (int)n);
        cr_assert_eq(gzclose(file), Z_OK);
    } else {
        FILE *file = fopen(path, "wb");
        cr_assert_not_null(file);
        if (n > 0) cr_assert_eq(fwrite(bytes, 1, n, file), n);
        cr_assert_eq(fclose(file), 0);
    }
}

/* An IDX images file of count images of rows x cols, pixel (i, p) = 10 i + p,
   followed by extra_bytes more bytes and cut short by missing_bytes. */
static size_t idx_images(uint8_t *bytes, uint32_t magic, uint32_t count, uint32_t rows,
                         uint32_t cols, size_t missing_bytes, size_t extra_bytes) {
    put_be32(bytes, magic);
    put_be32(bytes + 4, count);
    put_be32(bytes + 8, rows);
    put_be32(bytes + 12, cols);
    size_t n = 16;
    for (uint32_t i = 0; i < count; i++)
        for (uint32_t p = 0; p < rows * cols; p++) bytes[n++] = (uint8_t)(10 * i + p);
    for (size_t e = 0; e < extra_bytes; e++) bytes[n++] = 0;
    return n - missing_bytes;
}

static size_t idx_labels(uint8_t *bytes, uint32_t count) {
    put_be32(bytes, IDX_LABELS);
    put_be32(bytes + 4, count);
    for (uint32_t i = 0; i < count; i++) bytes[8 + i] = (uint8_t)((3 * i + 1) % 10);
    return 8 + count;
}

/* Writes train-images and train-labels for count images of 3 x 4 pixels. */
static void write_good_pair(uint32_t count, int gzip) {
    uint8_t images[1024], labels[256];
    const char *suffix = gzip ? ".gz" : "";
    char name[64];
    snprintf(name, sizeof name, "train-images-idx3-ubyte%s", suffix);
    write_file(name, images, idx_images(images, IDX_IMAGES, count, 3, 4, 0, 0), gzip);
    snprintf(name, sizeof name, "train-labels-idx1-ubyte%s", suffix);
    write_file(name, labels, idx_labels(labels, count), gzip);
}

static void check_good_set(const dataset *set, uint32_t count) {
    cr_assert_eq(set->count, count);
    cr_assert_eq(set->rows, 3);
    cr_assert_eq(set->cols, 4);
    for (uint32_t i = 0; i < count; i++) {
        cr_assert_eq(set->labels[i], (3 * i + 1) % 10, "label %u", i);
        for (uint32_t p = 0; p < 12; p++)
            cr_assert_eq(set->pixels[i * 12 + p], (uint8_t)(10 * i + p),
                         "pixel %u of image %u", p, i);
    }
}

/* Loads DIR/train-* expecting failure with a message containing `expected`. */
static void expect_load_error(const char *expected) {
    dataset set;
    char err[4096] = "";
    cr_assert_neq(dataset_load(&set, test_dir, "train", err, sizeof err), 0,
                  "the loader accepted a bad file (expected an error about '%s')", expected);
    cr_assert_not_null(strstr(err, expected), "message '%s' should mention '%s'", err,
                       expected);
    cr_assert_null(set.pixels);
}

/* ---- the IDX reader ----------------------------------------------------------- */

TestSuite(idx, .init = make_test_dir, .fini = remove_test_dir);

Test(idx, reads_a_raw_file) {
    write_good_pair(5, 0);
    dataset set;
    char err[4096];
    cr_assert_eq(dataset_load(&set, test_dir, "train", err, sizeof err), 0, "%s", err);
    check_good_set(&set, 5);
    dataset_free(&set);
}

Test(idx, reads_a_gzip_file) {
    write_good_pair(7, 1);
    dataset set;
    char err[4096];
    cr_assert_eq(dataset_load(&set, test_dir, "train", err, sizeof err), 0, "%s", err);
    check_good_set(&set, 7);
    dataset_free(&set);
}

Test(idx, refuses_a_wrong_magic_number) {
    write_good_pair(2, 0);
    uint8_t labels[64];
    /* a labels file where the images should be */
    write_file("train-images-idx3-ubyte", labels, idx_labels(labels, 2), 0);
    expect_load_error("magic number 0x00000801, expected 0x00000803");
}

Test(idx, refuses_a_truncated_file) {
    write_good_pair(2, 0);
    uint8_t images[1024];
    write_file("train-images-idx3-ubyte", images,
               idx_images(images, IDX_IMAGES, 2, 3, 4, 5, 0), 0);
    expect_load_error("truncated, the header announces 24 data bytes but the file holds 19");
}

Test(idx, refuses_a_truncated_gzip_file) {
    write_good_pair(2, 1);
    uint8_t images[1024];
    write_file("train-images-idx3-ubyte.gz", images,
               idx_images(images, IDX_IMAGES, 2, 3, 4, 1, 0), 1);
    expect_load_error("truncated");
}

Test(idx, refuses_a_truncated_header) {
    write_good_pair(2, 0);
    uint8_t images[1024];
    idx_images(images, IDX_IMAGES, 2, 3, 4, 0, 0);
    write_file("train-images-idx3-ubyte", images, 10, 0);
    expect_load_error("truncated header");
}

Test(idx, refuses_bytes_after_the_data) {
    write_good_pair(2, 0);
    uint8_t images[1024];
    write_file("train-images-idx3-ubyte", images,
               idx_images(images, IDX_IMAGES, 2, 3, 4, 0, 1), 0);
    expect_load_error("more data than the header announces (offset 40)");
}

Test(idx, refuses_images_and_labels_of_different_counts) {
    write_good_pair(3, 0);
    uint8_t labels[64];
    write_file("train-labels-idx1-ubyte", labels, idx_labels(labels, 4), 0);
    expect_load_error("holds 3 images but");
}

Test(idx, refuses_a_zero_dimension) {
    write_good_pair(2, 0);
    uint8_t images[1024];
    write_file("train-images-idx3-ubyte", images,
               idx_images(images, IDX_IMAGES, 2, 0, 4, 0, 0), 0);
    expect_load_error("dimension 1 is 0");
}

Test(idx, refuses_an_empty_file) {
    write_good_pair(2, 0);
    write_file("train-images-idx3-ubyte", NULL, 0, 0);
    expect_load_error("is empty");
}

Test(idx, refuses_a_label_that_is_not_a_digit) {
    write_good_pair(2, 0);
    uint8_t labels[64];
    idx_labels(labels, 2);
    labels[9] = 10;
    write_file("train-labels-idx1-ubyte", labels, 10, 0);
    expect_load_error("label 10 is not a class 0-9 (offset 9)");
}

Test(idx, says_how_to_get_missing_files) {
    expect_load_error("run `make data`");
}

Test(idx, scales_a_batch_to_the_unit_interval) {
    write_good_pair(3, 0);
    dataset set;
    char err[4096];
    cr_assert_eq(dataset_load(&set, test_dir, "train", err, sizeof err), 0, "%s", err);
    const size_t indices[2] = {2, 0};
    real batch[2 * 12];
    int targets[2];
    dataset_batch(batch, targets, &set, indices, 2);
    cr_assert_eq(targets[0], 7);
    cr_assert_eq(targets[1], 1);
    cr_assert_float_eq(batch[5], (real)25 / 255, 1e-7);
    cr_assert_float_eq(batch[12 + 11], (real)11 / 255, 1e-7);
    dataset_free(&set);
}

/* ---- the model file ------------------------------------------------------------ */

static void random_network(network *net, const size_t *sizes, size_t n_sizes) {
    char err[256];
    cr_assert_eq(network_create(net, sizes, n_sizes, err, sizeof err), 0, "%s", err);
    rng_state rng;
    rng_seed(&rng, 42);
    network_init_he(net, &rng);
    for (size_t l = 0; l < net->n_layers; l++)  /* biases too, so they are checked */
        for (size_t o = 0; o < net->sizes[l + 1]; o++)
            net->params[net->bias_offset[l] + o] = (real)rng_normal(&rng);
}

TestSuite(model, .init = make_test_dir, .fini = remove_test_dir);

Test(model, save_and_load_round_trip_bit_for_bit) {
    const size_t sizes[] = {7, 5, 3, 4};
    network net, loaded;
    random_network(&net, sizes, 4);
    net.epochs_trained = 17;
    char path[512], err[4096];
    snprintf(path, sizeof path, "%s/a.model", test_dir);
    cr_assert_eq(model_save(&net, path, err, sizeof err), 0, "%s", err);
    cr_assert_eq(model_load(&loaded, path, err, sizeof err), 0, "%s", err);
    cr_assert_eq(loaded.n_layers, 3);
    cr_assert_eq(loaded.epochs_trained, 17, "the epochs trained are not kept");
    for (size_t l = 0; l < 4; l++) cr_assert_eq(loaded.sizes[l], sizes[l]);
    cr_assert_eq(loaded.n_params, net.n_params);
    cr_assert_eq(memcmp(loaded.params, net.params, net.n_params * sizeof(real)), 0,
                 "the loaded parameters differ from the saved ones");
    /* no temporary file is left behind */
    char command[600];
    snprintf(command, sizeof command, "test $(ls '%s' | wc -l) -eq 1", test_dir);
    cr_assert_eq(system(command), 0, "model_save left a temporary file");
    network_free(&net);
    network_free(&loaded);
}

static void corrupt_and_expect(size_t offset, int cut_short, const char *expected) {
    const size_t sizes[] = {6, 4, 10};
    network net, loaded;
    random_network(&net, sizes, 3);
    char path[512], err[4096];
    snprintf(path, sizeof path, "%s/b.model", test_dir);
    cr_assert_eq(model_save(&net, path, err, sizeof err), 0, "%s", err);
    if (cut_short) {
        cr_assert_eq(truncate(path, (off_t)offset), 0);
    } else {
        FILE *file = fopen(path, "r+b");
        cr_assert_not_null(file);
        cr_assert_eq(fseek(file, (long)offset, SEEK_SET), 0);
        const int byte = fgetc(file);
        cr_assert_eq(fseek(file, (long)offset, SEEK_SET), 0);
        fputc(byte ^ 0x10, file);  /* flip one bit */
        cr_assert_eq(fclose(file), 0);
    }
    cr_assert_neq(model_load(&loaded, path, err, sizeof err), 0,
                  "a damaged model file was accepted (expected '%s')", expected);
    cr_assert_not_null(strstr(err, expected), "message '%s' should mention '%s'", err,
                       expected);
    network_free(&net);
}

Test(model, refuses_a_flipped_bit_in_a_weight) { corrupt_and_expect(40, 0, "CRC-32"); }
Test(model, refuses_a_flipped_bit_in_a_size) { corrupt_and_expect(20, 0, "CRC-32"); }
Test(model, refuses_another_file) { corrupt_and_expect(0, 0, "not a model file"); }
Test(model, refuses_another_version) { corrupt_and_expect(4, 0, "version 17"); }
Test(model, refuses_a_truncated_file) { corrupt_and_expect(100, 1, "CRC-32"); }
Test(model, refuses_a_tiny_file) { corrupt_and_expect(7, 1, "not a model file"); }

/* A file with a valid checksum whose sizes promise far more than it holds. */
static void write_model_header(const char *path, const uint32_t *sizes, size_t n_sizes) {
    uint8_t bytes[64];
    size_t n = 0;
    memcpy(bytes, "NNFP", 4);
    const uint32_t words[3] = {1, 0, (uint32_t)n_sizes};  /* version, epochs, count */
    for (size_t w = 0; w < 3 + n_sizes; w++) {
        const uint32_t value = w < 3 ? words[w] : sizes[w - 3];
        for (size_t i = 0; i < 4; i++) bytes[4 + 4 * w + i] = (uint8_t)(value >> (8 * i));
        n = 8 + 4 * w;
    }
    const uint32_t crc = (uint32_t)crc32(0L, bytes, (uInt)n);
    for (size_t i = 0; i < 4; i++) bytes[n + i] = (uint8_t)(crc >> (8 * i));
    FILE *file = fopen(path, "wb");
    cr_assert_not_null(file);
    cr_assert_eq(fwrite(bytes, 1, n + 4, file), n + 4);
    cr_assert_eq(fclose(file), 0);
}

Test(model, refuses_sizes_the_file_cannot_hold) {
    char path[512], err[4096];
    snprintf(path, sizeof path, "%s/huge.model", test_dir);
    const uint32_t huge[] = {65536, 65536, 65536};
    write_model_header(path, huge, 3);
    network net;
    cr_assert_neq(model_load(&net, path, err, sizeof err), 0);
    cr_assert_not_null(strstr(err, "but a network of 8590065664 parameters needs"), "%s", err);
    const uint32_t zero[] = {784, 0, 10};
    write_model_header(path, zero, 3);
    cr_assert_neq(model_load(&net, path, err, sizeof err), 0);
    cr_assert_not_null(strstr(err, "layer size 0 is out of range 1-65536 (offset 20)"),
                       "%s", err);
}

Test(model, refuses_a_missing_file) {
    network net;
    char err[4096];
    cr_assert_neq(model_load(&net, "/nonexistent/x.model", err, sizeof err), 0);
    cr_assert_not_null(strstr(err, "cannot open /nonexistent/x.model"), "%s", err);
}

/* ---- the fast matrix multiply -------------------------------------------------- */

static void fill(real *values, size_t n, rng_state *rng) {
    for (size_t i = 0; i < n; i++) values[i] = (real)(2 * rng_uniform(rng) - 1);
}

/* Tolerance: 1e-5 times the sum of |a_ik b_kj| over k, the size the rounding
   errors of a float sum of K products scale with. */
static void check_matmul(size_t M, size_t K, size_t N, int transposed) {
    rng_state rng;
    rng_seed(&rng, M * 1000003 + K * 1009 + N);
    real *a = malloc(M * K * sizeof(real)), *b = malloc(K * N * sizeof(real));
    real *plain = malloc(M * N * sizeof(real)), *fast = malloc(M * N * sizeof(real));
    fill(a, M * K, &rng);
    fill(b, K * N, &rng);
    fill(plain, M * N, &rng);  /* both accumulate into the same starting values */
    memcpy(fast, plain, M * N * sizeof(real));
    /* transposed: a holds a (K, M) array whose transpose is the (M, K) operand */
    const size_t row_stride = transposed ? 1 : K, col_stride = transposed ? M : 1;
    matmul_plain(plain, a, row_stride, col_stride, b, M, K, N);
    matmul_fast(fast, a, row_stride, col_stride, b, M, K, N);
    for (size_t i = 0; i < M; i++) {
        for (size_t j = 0; j < N; j++) {
            double scale = 1;
            for (size_t k = 0; k < K; k++)
                scale += fabs((double)a[i * row_stride + k * col_stride] * b[k * N + j]);
            cr_assert_leq(fabs((double)fast[i * N + j] - plain[i * N + j]), 1e-5 * scale,
                          "matmul_fast differs from matmul_plain at (%zu, %zu) for "
                          "M=%zu K=%zu N=%zu%s: %g vs %g", i, j, M, K, N,
                          transposed ? " (a transposed)" : "", (double)fast[i * N + j],
                          (double)plain[i * N + j]);
        }
    }
    free(a);
    free(b);
    free(plain);
    free(fast);
}

Test(matmul, fast_matches_plain_on_odd_shapes) {
    const size_t shapes[][3] = {{1, 1, 1},   {3, 5, 7},     {4, 128, 256}, {5, 129, 257},
                                {13, 1, 31}, {2, 300, 3},   {130, 784, 300},
                                {7, 260, 513}, {128, 300, 100}};
    for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++)
        for (int transposed = 0; transposed < 2; transposed++)
            check_matmul(shapes[s][0], shapes[s][1], shapes[s][2], transposed);
}

Test(matmul, fast_gives_the_same_bits_on_any_number_of_threads) {
    const size_t M = 130, K = 300, N = 101;
    rng_state rng;
    rng_seed(&rng, 11);
    real *a = malloc(M * K * sizeof(real)), *b = malloc(K * N * sizeof(real));
    real *one = calloc(M * N, sizeof(real)), *two = calloc(M * N, sizeof(real));
    fill(a, M * K, &rng);
    fill(b, K * N, &rng);
    const int threads = omp_get_max_threads();
    omp_set_num_threads(1);
    matmul_fast(one, a, K, 1, b, M, K, N);
    omp_set_num_threads(3);
    matmul_fast(two, a, K, 1, b, M, K, N);
    omp_set_num_threads(threads);
    cr_assert_eq(memcmp(one, two, M * N * sizeof(real)), 0,
                 "matmul_fast gave different results on 1 and 3 threads");
    free(a);
    free(b);
    free(one);
    free(two);
}

Test(matmul, fast_dense_layer_matches_chapter_4) {
    const size_t B = 37, n_in = 45, n_out = 19;
    rng_state rng;
    rng_seed(&rng, 5);
    real inp[37 * 45], weight[19 * 45], bias[19], dout[37 * 19];
    real out_plain[37 * 19], out_fast[37 * 19], scratch[45 * 19];
    fill(inp, B * n_in, &rng);
    fill(weight, n_out * n_in, &rng);
    fill(bias, n_out, &rng);
    fill(dout, B * n_out, &rng);
    dense_forward(out_plain, inp, weight, bias, B, n_in, n_out);
    dense_forward_fast(out_fast, inp, weight, bias, B, n_in, n_out, scratch);
    for (size_t i = 0; i < B * n_out; i++)
        cr_assert_float_eq(out_fast[i], out_plain[i], 1e-4, "forward output %zu", i);

    /* backward accumulates: start both from the same non-zero gradients */
    real dinp_plain[37 * 45], dinp_fast[37 * 45], dw_plain[19 * 45], dw_fast[19 * 45];
    real db_plain[19], db_fast[19];
    fill(dinp_plain, B * n_in, &rng);
    fill(dw_plain, n_out * n_in, &rng);
    fill(db_plain, n_out, &rng);
    memcpy(dinp_fast, dinp_plain, sizeof dinp_plain);
    memcpy(dw_fast, dw_plain, sizeof dw_plain);
    memcpy(db_fast, db_plain, sizeof db_plain);
    dense_backward(dinp_plain, dw_plain, db_plain, dout, inp, weight, B, n_in, n_out);
    dense_backward_fast(dinp_fast, dw_fast, db_fast, dout, inp, weight, B, n_in, n_out);
    for (size_t i = 0; i < B * n_in; i++)
        cr_assert_float_eq(dinp_fast[i], dinp_plain[i], 1e-4, "dinp %zu", i);
    for (size_t i = 0; i < n_out * n_in; i++)
        cr_assert_float_eq(dw_fast[i], dw_plain[i], 1e-4, "dweight %zu", i);
    for (size_t i = 0; i < n_out; i++)
        cr_assert_float_eq(db_fast[i], db_plain[i], 1e-4, "dbias %zu", i);
    /* dinp NULL skips the input gradient; the others accumulate a second time */
    dense_backward(NULL, dw_plain, db_plain, dout, inp, weight, B, n_in, n_out);
    dense_backward_fast(NULL, dw_fast, db_fast, dout, inp, weight, B, n_in, n_out);
    for (size_t i = 0; i < n_out * n_in; i++)
        cr_assert_float_eq(dw_fast[i], dw_plain[i], 2e-4, "dweight %zu, accumulated twice", i);
    for (size_t i = 0; i < n_out; i++)
        cr_assert_float_eq(db_fast[i], db_plain[i], 2e-4, "dbias %zu, accumulated twice", i);
}

/* ---- the backward pass of the whole network ---------------------------------- */

/* A small network and a batch of B random inputs with labels, in ws. */
static void small_problem(network *net, workspace *ws, size_t B) {
    const size_t sizes[] = {6, 5, 4, 3};
    char err[256];
    cr_assert_eq(network_create(net, sizes, 4, err, sizeof err), 0, "%s", err);
    cr_assert_eq(workspace_create(ws, net, B, err, sizeof err), 0, "%s", err);
    rng_state rng;
    rng_seed(&rng, 3);
    network_init_he(net, &rng);
    for (size_t l = 0; l < net->n_layers; l++)  /* non-zero biases, so they are checked */
        for (size_t o = 0; o < net->sizes[l + 1]; o++)
            net->params[net->bias_offset[l] + o] = (real)(0.2 * rng_normal(&rng));
    fill(ws->input, B * sizes[0], &rng);
    for (size_t b = 0; b < B; b++) ws->targets[b] = (int)(b % 3);
}

static double batch_loss(const network *net, workspace *ws, size_t B) {
    const real *probs = network_forward(net, ws, B);
    return (double)cross_entropy_forward(probs, ws->targets, B, 3);
}

/* Central differences in float, as in chapter 4 but with a tolerance for
   single precision: with h = 1e-3 the rounding of the loss (about 1e-7) makes
   an error near 1e-4 in the difference quotient, and h stays small enough not
   to step across a ReLU's kink. A gradient off by a factor (a missing 1/B) or
   a wrong sign fails by far more. */
Test(backward, matches_finite_differences_of_the_mean_loss) {
    const size_t B = 4;
    network net;
    workspace ws;
    small_problem(&net, &ws, B);
    network_forward(&net, &ws, B);
    network_backward(&net, &ws, B);
    const double h = 1e-3;
    for (size_t p = 0; p < net.n_params; p++) {
        const real saved = net.params[p];
        net.params[p] = saved + (real)h;
        const double plus = batch_loss(&net, &ws, B);
        net.params[p] = saved - (real)h;
        const double minus = batch_loss(&net, &ws, B);
        net.params[p] = saved;
        const double numeric = (plus - minus) / (2 * h), analytic = net.grads[p];
        cr_assert_leq(fabs(analytic - numeric), 2e-3 + 2e-2 * fabs(numeric),
                      "parameter %zu: network_backward gives %g, central differences "
                      "%g", p, analytic, numeric);
    }
    workspace_free(&ws);
    network_free(&net);
}

/* The gradient of a batch is the mean of the gradients of its images (the
   1/B of the loss), and the backward pass clears what a previous one left. */
Test(backward, batch_gradient_is_the_mean_of_single_image_gradients) {
    const size_t B = 4;
    network net;
    workspace ws;
    small_problem(&net, &ws, B);
    real *mean = calloc(net.n_params, sizeof(real));
    real input[4 * 6];
    int targets[4];
    memcpy(input, ws.input, sizeof input);
    memcpy(targets, ws.targets, sizeof targets);
    for (size_t b = 0; b < B; b++) {
        memcpy(ws.input, input + b * 6, 6 * sizeof(real));
        ws.targets[0] = targets[b];
        network_forward(&net, &ws, 1);
        network_backward(&net, &ws, 1);
        for (size_t p = 0; p < net.n_params; p++) mean[p] += net.grads[p] / (real)B;
    }
    memcpy(ws.input, input, sizeof input);
    memcpy(ws.targets, targets, sizeof targets);
    network_forward(&net, &ws, B);
    network_backward(&net, &ws, B);
    network_backward(&net, &ws, B);  /* twice: the second must not add to the first */
    for (size_t p = 0; p < net.n_params; p++)
        cr_assert_float_eq(net.grads[p], mean[p], 1e-6,
                           "parameter %zu: the batch gradient %g is not the mean %g of "
                           "the single-image gradients", p, (double)net.grads[p],
                           (double)mean[p]);
    free(mean);
    workspace_free(&ws);
    network_free(&net);
}

/* ---- training on a small part of MNIST ---------------------------------------- */

static dataset mnist_all;
static dataset small_train, small_val;

static void load_mnist(void) {
    char err[4096];
    cr_assert_eq(dataset_load(&mnist_all, "build/data/mnist", "train", err, sizeof err), 0,
                 "%s", err);
    small_train = dataset_slice(&mnist_all, 0, 3000);
    small_val = dataset_slice(&mnist_all, 55000, 1000);
}

static void free_mnist(void) { dataset_free(&mnist_all); }

static int train_small(network *net, train_history *history, real learning_rate,
                       size_t epochs, const char *checkpoint, char *err, size_t err_size) {
    const size_t sizes[] = {784, 64, 32, 10};
    cr_assert_eq(network_create(net, sizes, 4, err, err_size), 0, "%s", err);
    rng_state rng;
    rng_seed(&rng, 7);
    network_init_he(net, &rng);
    const train_options options = {.epochs = epochs, .batch_size = 32, .patience = 0,
                                   .learning_rate = learning_rate, .momentum = 0.9f,
                                   .checkpoint_path = checkpoint};
    return train(net, &small_train, &small_val, &options, &rng, history, err, err_size);
}

TestSuite(training, .init = load_mnist, .fini = free_mnist, .timeout = 120);

Test(training, learns_a_small_subset) {
    network net;
    train_history history;
    char err[4096];
    cr_assert_eq(train_small(&net, &history, 0.02f, 3, NULL, err, sizeof err), 0, "%s", err);
    cr_assert_eq(history.n_epochs, 3);
    const epoch_record *best = &history.epochs[history.best_epoch - 1];
    cr_assert_gt(best->val_accuracy, 0.85,
                 "after 3 epochs on 3,000 images the validation accuracy is only %.3f "
                 "(chance is 0.1)", best->val_accuracy);
    cr_assert_lt(history.epochs[2].train_loss, history.epochs[0].train_loss,
                 "the training loss did not go down");
    train_history_free(&history);
    network_free(&net);
}

Test(training, is_deterministic) {
    network first, second;
    train_history history;
    char err[4096];
    cr_assert_eq(train_small(&first, &history, 0.02f, 1, NULL, err, sizeof err), 0);
    train_history_free(&history);
    cr_assert_eq(train_small(&second, &history, 0.02f, 1, NULL, err, sizeof err), 0);
    train_history_free(&history);
    cr_assert_eq(memcmp(first.params, second.params, first.n_params * sizeof(real)), 0,
                 "two runs with the same seed gave different parameters");
    network_free(&first);
    network_free(&second);
}

Test(training, keeps_the_best_epoch_as_checkpoint) {
    make_test_dir();
    char path[512], err[4096];
    snprintf(path, sizeof path, "%s/best.model", test_dir);
    network net, saved;
    train_history history;
    cr_assert_eq(train_small(&net, &history, 0.02f, 2, path, err, sizeof err), 0, "%s", err);
    cr_assert_eq(model_load(&saved, path, err, sizeof err), 0, "%s", err);
    cr_assert_eq(memcmp(saved.params, net.params, net.n_params * sizeof(real)), 0,
                 "the checkpoint differs from the best parameters the network ended with");
    network_free(&saved);
    network_free(&net);
    train_history_free(&history);
    remove_test_dir();
}

Test(training, resumes_counting_where_it_stopped) {
    network net;
    train_history history;
    char err[4096];
    cr_assert_eq(train_small(&net, &history, 0.02f, 2, NULL, err, sizeof err), 0, "%s", err);
    cr_assert_eq(net.epochs_trained, history.best_epoch);
    train_history_free(&history);
    rng_state rng;
    rng_seed(&rng, 8);
    const size_t before = net.epochs_trained;
    const train_options more = {.epochs = before + 2, .batch_size = 32,
                                .learning_rate = 0.01f, .momentum = 0.9f};
    cr_assert_eq(train(&net, &small_train, &small_val, &more, &rng, &history, err,
                       sizeof err), 0, "%s", err);
    cr_assert_eq(history.n_epochs, 2);
    cr_assert_eq(history.epochs[0].epoch, before + 1, "a resumed training counts on");
    train_history_free(&history);
    cr_assert_neq(train(&net, &small_train, &small_val, &more, &rng, &history, err,
                        sizeof err), 0, "nothing is left to train, yet train succeeded");
    cr_assert_not_null(strstr(err, "trained for"), "%s", err);
    train_history_free(&history);
    network_free(&net);
}

Test(training, stops_when_asked) {
    network net;
    train_history history;
    char err[4096];
    const size_t sizes[] = {784, 16, 10};
    cr_assert_eq(network_create(&net, sizes, 3, err, sizeof err), 0, "%s", err);
    rng_state rng;
    rng_seed(&rng, 7);
    network_init_he(&net, &rng);
    const volatile sig_atomic_t stop = 1;
    const train_options options = {.epochs = 3, .batch_size = 32, .learning_rate = 0.02f,
                                   .momentum = 0.9f, .stop_requested = &stop};
    cr_assert_eq(train(&net, &small_train, &small_val, &options, &rng, &history, err,
                       sizeof err), 0, "%s", err);
    cr_assert(history.interrupted, "the stop request was ignored");
    cr_assert_eq(history.n_epochs, 0, "an interrupted epoch is not kept");
    cr_assert_eq(net.epochs_trained, 0);
    train_history_free(&history);
    network_free(&net);
}

Test(training, stops_when_it_diverges) {
    network net;
    train_history history;
    char err[4096] = "";
    cr_assert_neq(train_small(&net, &history, 1e4f, 3, NULL, err, sizeof err), 0,
                  "training with learning rate 10000 did not report divergence");
    cr_assert_not_null(strstr(err, "training diverged in epoch 1"), "%s", err);
    cr_assert_not_null(strstr(err, "try a smaller learning rate"), "%s", err);
    cr_assert_eq(history.n_epochs, 0);
    train_history_free(&history);
    network_free(&net);
}
