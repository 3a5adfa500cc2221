//! Trains the course's network for the 8×8 handwritten digits with the reference
//! solutions' own training code, and writes its weights to `data/`:
//!
//! ```text
//! cargo run --release -p solutions --example train-digits
//! ```
//!
//! It reads `data/digits.csv.gz`, takes the course's training split (1,437 images, the
//! rule of `checker/lesson/src/split.rs`), starts from weights drawn from a fixed seed,
//! runs `train_epoch` over the training images in file order, the learning rate
//! shrinking by a fixed factor each epoch,
//! and reports the loss and the accuracy on the test split (360 images) after every
//! epoch. Everything is `f32` in a fixed order, so a run re-creates the files bit for
//! bit: `data/digits-cnn-start.json` (the seeded start the `train` lesson trains from)
//! and `data/digits-cnn.json` (the trained weights the `digits` lesson loads).
//! `--check` writes nothing and fails if the files in `data/` differ from a new run.
//!
//! The files hold one object per layer, named as the fields of `solutions::cnn::Cnn`;
//! each array is written as ndarray's serde format writes it:
//! `{"v": 1, "dim": [8, 1, 3, 3], "data": [...]}`, values in row-major order.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use ndarray::{Array, Array1, Array2, Array3, Array4, Dimension};
use solutions::cnn::{Cnn, ConvLayer, DenseLayer};
use solutions::digits::{accuracy, normalize};
use solutions::train::train_epoch;

#[path = "../../checker/lesson/src/split.rs"]
#[allow(dead_code)]
mod split;

/// The seed of the starting weights.
const INIT_SEED: u64 = 2026;
/// Passes over the training images.
const EPOCHS: usize = 10;
/// The step of gradient descent in the first epoch; each later epoch's is the one
/// before times `DECAY`, multiplied in `f32`: 0.02, 0.016, 0.0128, …
const LEARNING_RATE: f32 = 0.02;
/// How the learning rate shrinks from one epoch to the next: large steps first,
/// then smaller ones that settle the weights instead of shaking them.
const DECAY: f32 = 0.8;

type Error = Box<dyn std::error::Error>;

fn main() {
    if let Err(error) = run() {
        eprintln!("train-digits: {error}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Error> {
    let check = std::env::args().any(|arg| arg == "--check");
    let data = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("data");
    let (images, labels) = read_digits(&data.join("digits.csv.gz"))?;
    let (train_images, train_labels) = select(
        &images,
        &labels,
        &split::rows(labels.len(), split::Split::Train),
    );
    let (test_images, test_labels) = select(
        &images,
        &labels,
        &split::rows(labels.len(), split::Split::Test),
    );
    println!(
        "{} training and {} test images; seed {INIT_SEED}, {EPOCHS} epochs, learning rate {LEARNING_RATE} × {DECAY} each epoch",
        train_labels.len(),
        test_labels.len()
    );

    let mut cnn = start(INIT_SEED);
    let start_json = to_json(&cnn);
    let clock = Instant::now();
    let mut rate = LEARNING_RATE;
    for epoch in 1..=EPOCHS {
        let loss = train_epoch(&mut cnn, &train_images, &train_labels, rate);
        let acc = test_accuracy(&cnn, &test_images, &test_labels);
        println!(
            "epoch {epoch:2} at rate {rate:?}: mean loss {loss:.4}, test accuracy {:.2} %",
            acc * 100.0
        );
        rate *= DECAY;
    }
    let seconds = clock.elapsed().as_secs_f64();
    let acc = test_accuracy(&cnn, &test_images, &test_labels);
    let right = (acc * test_labels.len() as f32).round();
    println!(
        "trained in {seconds:.1} s: {right} of {} test images right ({:.2} %)",
        test_labels.len(),
        acc * 100.0
    );

    let files = [
        (data.join("digits-cnn-start.json"), start_json),
        (data.join("digits-cnn.json"), to_json(&cnn)),
    ];
    for (path, json) in files {
        if check {
            let shipped = std::fs::read_to_string(&path)?;
            if shipped != json {
                return Err(format!("{} differs from this run", path.display()).into());
            }
            println!("{} is the same as this run's", shown(&path));
        } else {
            std::fs::write(&path, json)?;
            println!("wrote {}", shown(&path));
        }
    }
    Ok(())
}

/// The images (n, 8, 8), pixel values 0–16, and their labels.
fn read_digits(path: &Path) -> Result<(Array3<f32>, Array1<usize>), Error> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut text = String::new();
    flate2::read::GzDecoder::new(file).read_to_string(&mut text)?;
    let mut pixels = Vec::new();
    let mut labels = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let values: Vec<&str> = line.split(',').collect();
        if values.len() != 65 {
            return Err(format!("line {}: {} values, not 65", number + 1, values.len()).into());
        }
        for value in &values[..64] {
            pixels.push(value.trim().parse::<f32>()?);
        }
        labels.push(values[64].trim().parse::<usize>()?);
    }
    let images = Array3::from_shape_vec((labels.len(), 8, 8), pixels)?;
    Ok((images, Array1::from(labels)))
}

/// The given rows, in that order, the images normalised to 0–1.
fn select(
    images: &Array3<f32>,
    labels: &Array1<usize>,
    rows: &[usize],
) -> (Array3<f32>, Array1<usize>) {
    let mut chosen = Array3::zeros((rows.len(), 8, 8));
    for (mut image, &row) in chosen.outer_iter_mut().zip(rows) {
        image.assign(&normalize(
            &images.index_axis(ndarray::Axis(0), row).to_owned(),
        ));
    }
    (chosen, rows.iter().map(|&row| labels[row]).collect())
}

fn test_accuracy(cnn: &Cnn, images: &Array3<f32>, labels: &Array1<usize>) -> f32 {
    let predicted: Array1<usize> = images
        .outer_iter()
        .map(|image| cnn.predict(&image.to_owned()))
        .collect();
    accuracy(&predicted, labels)
}

/// The lecture's shape sized for 8×8: conv 3×3 × 8 → conv 3×3 × 16 → pool 2 (16×2×2 = 64)
/// → dense 32 → dense 10. Weights uniform in ±√(6 / inputs of the unit) (He), biases 0.
fn start(seed: u64) -> Cnn {
    let mut state = seed;
    let draw = |fan_in: usize| {
        let limit = (6.0 / fan_in as f32).sqrt();
        move |state: &mut u64| {
            // 24 random bits: a value in [0, 1) that f32 holds exactly.
            let unit = (split::splitmix64(state) >> 40) as f32 / (1u64 << 24) as f32;
            (2.0 * unit - 1.0) * limit
        }
    };
    let mut array = |shape: &[usize], fan_in: usize| -> Vec<f32> {
        let next = draw(fan_in);
        (0..shape.iter().product::<usize>())
            .map(|_| next(&mut state))
            .collect()
    };
    let filters1 = array(&[8, 1, 3, 3], 9);
    let filters2 = array(&[16, 8, 3, 3], 72);
    let weights1 = array(&[32, 64], 64);
    let weights2 = array(&[10, 32], 32);
    Cnn {
        conv1: ConvLayer {
            filters: Array4::from_shape_vec((8, 1, 3, 3), filters1).unwrap_or_default(),
            bias: Array1::zeros(8),
        },
        conv2: ConvLayer {
            filters: Array4::from_shape_vec((16, 8, 3, 3), filters2).unwrap_or_default(),
            bias: Array1::zeros(16),
        },
        pool: 2,
        fc1: DenseLayer {
            weights: Array2::from_shape_vec((32, 64), weights1).unwrap_or_default(),
            bias: Array1::zeros(32),
        },
        fc2: DenseLayer {
            weights: Array2::from_shape_vec((10, 32), weights2).unwrap_or_default(),
            bias: Array1::zeros(10),
        },
    }
}

/// One array as ndarray's serde format writes it. Rust prints an `f32` with the fewest
/// digits that read back as the same `f32`, so the file keeps every bit.
fn array_json<D: Dimension>(array: &Array<f32, D>) -> String {
    let dim: Vec<String> = array.shape().iter().map(usize::to_string).collect();
    let data: Vec<String> = array.iter().map(|x| format!("{x:?}")).collect();
    format!(
        "{{\"v\": 1, \"dim\": [{}], \"data\": [{}]}}",
        dim.join(", "),
        data.join(", ")
    )
}

fn to_json(cnn: &Cnn) -> String {
    format!(
        "{{\n  \"conv1\": {{\n    \"filters\": {},\n    \"bias\": {}\n  }},\n  \"conv2\": {{\n    \"filters\": {},\n    \"bias\": {}\n  }},\n  \"pool\": {},\n  \"fc1\": {{\n    \"weights\": {},\n    \"bias\": {}\n  }},\n  \"fc2\": {{\n    \"weights\": {},\n    \"bias\": {}\n  }}\n}}\n",
        array_json(&cnn.conv1.filters),
        array_json(&cnn.conv1.bias),
        array_json(&cnn.conv2.filters),
        array_json(&cnn.conv2.bias),
        cnn.pool,
        array_json(&cnn.fc1.weights),
        array_json(&cnn.fc1.bias),
        array_json(&cnn.fc2.weights),
        array_json(&cnn.fc2.bias),
    )
}

fn shown(path: &Path) -> String {
    let parts: PathBuf = path.iter().skip_while(|part| *part != "data").collect();
    parts.display().to_string()
}
