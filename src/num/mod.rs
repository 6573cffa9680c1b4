//! Numbers: the one rounding rule ([`decimal`]), figures as written ([`figure`]), the five rates
//! ([`rates`]) and the interval verdicts ([`verdict`]).

pub mod decimal;
pub mod figure;
pub mod rates;
pub mod verdict;
