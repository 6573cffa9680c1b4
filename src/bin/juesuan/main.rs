//! `juesuan`, the command line (see `cli`). Native only: clap, encoding_rs and indicatif are not built for
//! wasm32, yet the wasm lint (`cargo clippy --target wasm32-unknown-unknown --tests`) compiles every target.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
