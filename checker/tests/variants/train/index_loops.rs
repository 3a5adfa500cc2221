//! Plain index loops over every cell, with no help from the earlier backward lessons:
//! each gradient summed in its own order.

use ndarray::{Array1, Array2, Array3, Array4, Axis};

use crate::cnn::{Cnn, ConvLayer, DenseLayer};

fn conv_forward(layer: &ConvLayer, input: &Array3<f32>) -> Array3<f32> {
    let (o_n, c_n, kh, kw) = layer.filters.dim();
    let (_, h, w) = input.dim();
    let (oh, ow) = (h + 1 - kh, w + 1 - kw);
    let mut out = Array3::zeros((o_n, oh, ow));
    for o in 0..o_n {
        for i in 0..oh {
            for j in 0..ow {
                let mut sum = layer.bias[o];
                for c in 0..c_n {
                    for a in 0..kh {
                        for b in 0..kw {
                            sum += input[[c, i + a, j + b]] * layer.filters[[o, c, a, b]];
                        }
                    }
                }
                out[[o, i, j]] = sum;
            }
        }
    }
    out
}

fn conv_backward(
    layer: &ConvLayer,
    input: &Array3<f32>,
    grad_out: &Array3<f32>,
) -> (Array3<f32>, ConvLayer) {
    let (o_n, c_n, kh, kw) = layer.filters.dim();
    let (_, oh, ow) = grad_out.dim();
    let mut grad_input = Array3::zeros(input.dim());
    let mut grad_filters = Array4::zeros(layer.filters.dim());
    let mut grad_bias = Array1::zeros(o_n);
    for o in 0..o_n {
        for i in 0..oh {
            for j in 0..ow {
                let g = grad_out[[o, i, j]];
                grad_bias[o] += g;
                for c in 0..c_n {
                    for a in 0..kh {
                        for b in 0..kw {
                            grad_filters[[o, c, a, b]] += g * input[[c, i + a, j + b]];
                            grad_input[[c, i + a, j + b]] += g * layer.filters[[o, c, a, b]];
                        }
                    }
                }
            }
        }
    }
    let grads = ConvLayer {
        filters: grad_filters,
        bias: grad_bias,
    };
    (grad_input, grads)
}

fn dense_forward(layer: &DenseLayer, x: &Array1<f32>) -> Array1<f32> {
    let (outs, ins) = layer.weights.dim();
    let mut y = Array1::zeros(outs);
    for j in 0..outs {
        let mut sum = 0.0;
        for i in 0..ins {
            sum += layer.weights[[j, i]] * x[i];
        }
        y[j] = sum + layer.bias[j];
    }
    y
}

fn dense_back(layer: &DenseLayer, x: &Array1<f32>, g: &Array1<f32>) -> (Array1<f32>, DenseLayer) {
    let (outs, ins) = layer.weights.dim();
    let mut gx = Array1::zeros(ins);
    let mut gw = Array2::zeros((outs, ins));
    for i in 0..ins {
        for j in 0..outs {
            gx[i] += layer.weights[[j, i]] * g[j];
            gw[[j, i]] = g[j] * x[i];
        }
    }
    let grads = DenseLayer {
        weights: gw,
        bias: g.clone(),
    };
    (gx, grads)
}

pub fn cnn_gradients(cnn: &Cnn, image: &Array2<f32>, label: usize) -> (f32, Cnn) {
    let input = image.clone().insert_axis(Axis(0));
    let z1 = conv_forward(&cnn.conv1, &input);
    let a1 = z1.mapv(|x| x.max(0.0));
    let z2 = conv_forward(&cnn.conv2, &a1);
    let a2 = z2.mapv(|x| x.max(0.0));
    let (ch, h, w) = a2.dim();
    let p = cnn.pool;
    let (ph, pw) = (h / p, w / p);
    let mut flat = Array1::zeros(ch * ph * pw);
    let mut argmax = vec![(0, 0); ch * ph * pw];
    for c in 0..ch {
        for r in 0..ph {
            for q in 0..pw {
                let k = (c * ph + r) * pw + q;
                let (mut bi, mut bj) = (r * p, q * p);
                for i in r * p..r * p + p {
                    for j in q * p..q * p + p {
                        if a2[[c, i, j]] > a2[[c, bi, bj]] {
                            bi = i;
                            bj = j;
                        }
                    }
                }
                flat[k] = a2[[c, bi, bj]];
                argmax[k] = (bi, bj);
            }
        }
    }
    let z3 = dense_forward(&cnn.fc1, &flat);
    let a3 = z3.mapv(|x| x.max(0.0));
    let logits = dense_forward(&cnn.fc2, &a3);
    let max = logits.iter().fold(f32::NEG_INFINITY, |m, &x| m.max(x));
    let exps = logits.mapv(|x| (x - max).exp());
    let probs = &exps / exps.sum();
    let loss = -probs[label].max(1e-7).ln();

    let mut g4 = probs.clone();
    g4[label] -= 1.0;
    let (ga3, fc2) = dense_back(&cnn.fc2, &a3, &g4);
    let gz3 = Array1::from_shape_fn(z3.len(), |i| if z3[i] > 0.0 { ga3[i] } else { 0.0 });
    let (gflat, fc1) = dense_back(&cnn.fc1, &flat, &gz3);
    let mut gz2 = Array3::zeros(a2.dim());
    for c in 0..ch {
        for r in 0..ph {
            for q in 0..pw {
                let k = (c * ph + r) * pw + q;
                let (i, j) = argmax[k];
                if z2[[c, i, j]] > 0.0 {
                    gz2[[c, i, j]] = gflat[k];
                }
            }
        }
    }
    let (ga1, conv2) = conv_backward(&cnn.conv2, &a1, &gz2);
    let gz1 = Array3::from_shape_fn(z1.dim(), |(c, i, j)| {
        if z1[[c, i, j]] > 0.0 {
            ga1[[c, i, j]]
        } else {
            0.0
        }
    });
    let (_, conv1) = conv_backward(&cnn.conv1, &input, &gz1);
    let grads = Cnn {
        conv1,
        conv2,
        pool: cnn.pool,
        fc1,
        fc2,
    };
    (loss, grads)
}

pub fn sgd_step(cnn: &mut Cnn, grads: &Cnn, learning_rate: f32) {
    for (p, g) in cnn.conv1.filters.iter_mut().zip(grads.conv1.filters.iter()) {
        *p -= learning_rate * g;
    }
    for (p, g) in cnn.conv1.bias.iter_mut().zip(grads.conv1.bias.iter()) {
        *p -= learning_rate * g;
    }
    for (p, g) in cnn.conv2.filters.iter_mut().zip(grads.conv2.filters.iter()) {
        *p -= learning_rate * g;
    }
    for (p, g) in cnn.conv2.bias.iter_mut().zip(grads.conv2.bias.iter()) {
        *p -= learning_rate * g;
    }
    for (p, g) in cnn.fc1.weights.iter_mut().zip(grads.fc1.weights.iter()) {
        *p -= learning_rate * g;
    }
    for (p, g) in cnn.fc1.bias.iter_mut().zip(grads.fc1.bias.iter()) {
        *p -= learning_rate * g;
    }
    for (p, g) in cnn.fc2.weights.iter_mut().zip(grads.fc2.weights.iter()) {
        *p -= learning_rate * g;
    }
    for (p, g) in cnn.fc2.bias.iter_mut().zip(grads.fc2.bias.iter()) {
        *p -= learning_rate * g;
    }
}

pub fn train_epoch(
    cnn: &mut Cnn,
    images: &Array3<f32>,
    labels: &Array1<usize>,
    learning_rate: f32,
) -> f32 {
    let n = labels.len();
    if n == 0 {
        return 0.0;
    }
    let mut losses = Vec::with_capacity(n);
    for k in 0..n {
        let image = images.index_axis(Axis(0), k).to_owned();
        let (loss, grads) = cnn_gradients(cnn, &image, labels[k]);
        sgd_step(cnn, &grads, learning_rate);
        losses.push(loss);
    }
    losses.iter().sum::<f32>() / n as f32
}
