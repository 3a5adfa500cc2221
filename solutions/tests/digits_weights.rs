//! The shipped weights of the digits network (`data/digits-cnn.json`, written by
//! `cargo run --release -p solutions --example train-digits`) load into the reference's
//! `Cnn` and classify the course's 360 test digits as recorded: 350 right (97.22 %).

use std::io::Read;
use std::path::{Path, PathBuf};

use ndarray::{Array1, Array2, Array4, ArrayD, IxDyn};
use serde_json::Value;
use solutions::cnn::{Cnn, ConvLayer, DenseLayer};
use solutions::digits::{accuracy, normalize};

#[path = "../../checker/lesson/src/split.rs"]
#[allow(dead_code)]
mod split;

fn data(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../data")
        .join(file)
}

/// One array in ndarray's serde format: `{"v": 1, "dim": [...], "data": [...]}`.
fn array(value: &Value) -> ArrayD<f32> {
    assert_eq!(value["v"], 1);
    let dim: Vec<usize> = value["dim"]
        .as_array()
        .expect("dim")
        .iter()
        .map(|d| d.as_u64().expect("a size") as usize)
        .collect();
    // Read each number as f32 from its text, as serde reads an f32.
    let data: Vec<f32> = serde_json::from_value(value["data"].clone()).expect("numbers");
    ArrayD::from_shape_vec(IxDyn(&dim), data).expect("dim and data agree")
}

fn load(file: &str) -> Cnn {
    let text = std::fs::read_to_string(data(file)).expect("the weights file");
    let json: Value = serde_json::from_str(&text).expect("JSON");
    let four = |v: &Value| array(v).into_dimensionality::<ndarray::Ix4>().expect("4-D");
    let two = |v: &Value| array(v).into_dimensionality::<ndarray::Ix2>().expect("2-D");
    let one = |v: &Value| array(v).into_dimensionality::<ndarray::Ix1>().expect("1-D");
    Cnn {
        conv1: ConvLayer {
            filters: four(&json["conv1"]["filters"]),
            bias: one(&json["conv1"]["bias"]),
        },
        conv2: ConvLayer {
            filters: four(&json["conv2"]["filters"]),
            bias: one(&json["conv2"]["bias"]),
        },
        pool: json["pool"].as_u64().expect("pool") as usize,
        fc1: DenseLayer {
            weights: two(&json["fc1"]["weights"]),
            bias: one(&json["fc1"]["bias"]),
        },
        fc2: DenseLayer {
            weights: two(&json["fc2"]["weights"]),
            bias: one(&json["fc2"]["bias"]),
        },
    }
}

fn shapes(cnn: &Cnn) -> Vec<Vec<usize>> {
    vec![
        cnn.conv1.filters.shape().to_vec(),
        cnn.conv1.bias.shape().to_vec(),
        cnn.conv2.filters.shape().to_vec(),
        cnn.conv2.bias.shape().to_vec(),
        cnn.fc1.weights.shape().to_vec(),
        cnn.fc1.bias.shape().to_vec(),
        cnn.fc2.weights.shape().to_vec(),
        cnn.fc2.bias.shape().to_vec(),
    ]
}

#[test]
fn both_files_have_the_lectures_shape_sized_for_8x8() {
    let expected = vec![
        vec![8, 1, 3, 3],
        vec![8],
        vec![16, 8, 3, 3],
        vec![16],
        vec![32, 64],
        vec![32],
        vec![10, 32],
        vec![10],
    ];
    for file in ["digits-cnn-start.json", "digits-cnn.json"] {
        let cnn = load(file);
        assert_eq!(shapes(&cnn), expected, "{file}");
        assert_eq!(cnn.pool, 2, "{file}");
    }
    // The start is untrained: its biases are all 0.
    assert!(
        load("digits-cnn-start.json")
            .fc2
            .bias
            .iter()
            .all(|&b| b == 0.0)
    );
    let _: Array4<f32> = load("digits-cnn.json").conv1.filters;
}

#[test]
fn the_trained_network_reads_350_of_the_360_test_digits() {
    let mut text = String::new();
    let file = std::fs::File::open(data("digits.csv.gz")).expect("the digits");
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .expect("gzip");
    let rows: Vec<Vec<f32>> = text
        .lines()
        .map(|line| {
            line.split(',')
                .map(|v| v.trim().parse().expect("a number"))
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 1797);
    let cnn = load("digits-cnn.json");
    let test = split::rows(rows.len(), split::Split::Test);
    let mut predicted = Vec::new();
    let mut labels = Vec::new();
    for &row in &test {
        let image = Array2::from_shape_vec((8, 8), rows[row][..64].to_vec()).expect("8×8");
        predicted.push(cnn.predict(&normalize(&image)));
        labels.push(rows[row][64] as usize);
    }
    let acc = accuracy(&Array1::from(predicted), &Array1::from(labels));
    assert_eq!((acc * 360.0).round(), 350.0, "{acc}");
}

/// Every value of a network, in the order of the CSV files: conv1.filters, conv1.bias,
/// conv2.filters, conv2.bias, fc1.weights, fc1.bias, fc2.weights, fc2.bias.
fn values(cnn: &Cnn) -> Vec<f32> {
    cnn.conv1
        .filters
        .iter()
        .chain(&cnn.conv1.bias)
        .chain(&cnn.conv2.filters)
        .chain(&cnn.conv2.bias)
        .chain(&cnn.fc1.weights)
        .chain(&cnn.fc1.bias)
        .chain(&cnn.fc2.weights)
        .chain(&cnn.fc2.bias)
        .copied()
        .collect()
}

/// The lessons read the weights as data sets, one CSV row each (data/README.md): each
/// row holds its JSON's 3,658 values, bit for bit.
#[test]
fn each_csv_row_holds_its_json_values_bit_for_bit() {
    for (csv, json) in [
        ("digits-cnn.csv", "digits-cnn.json"),
        ("digits-cnn-start.csv", "digits-cnn-start.json"),
    ] {
        let text = std::fs::read_to_string(data(csv)).expect("the CSV file");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 1, "{csv}: one row");
        let row: Vec<u32> = lines[0]
            .split(',')
            .map(|v| v.trim().parse::<f32>().expect("a number").to_bits())
            .collect();
        let expected: Vec<u32> = values(&load(json)).iter().map(|v| v.to_bits()).collect();
        assert_eq!(row.len(), 3658, "{csv}");
        assert_eq!(row, expected, "{csv} and {json}");
    }
}
