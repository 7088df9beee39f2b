/// `exp` and `log` without the C library (the trainer's only use of them), accurate to about
/// 1e-12 relative: enough for a CRF's forward-backward sums.
enum FastMath {
    static let ln2 = 0.693_147_180_559_945_3

    /// e^x.
    static func exp(_ x: Double) -> Double {
        if x == -.infinity || x < -745 { return 0 }
        if x > 709 { return .infinity }
        let k = (x / ln2).rounded()
        let r = x - k * ln2  // |r| <= ln2 / 2
        var term = 1.0, sum = 1.0
        for n in 1...18 {
            term *= r / Double(n)
            sum += term
        }
        return sum * Double(sign: .plus, exponent: Int(k), significand: 1)
    }

    /// ln(x) for x > 0.
    static func log(_ x: Double) -> Double {
        if x <= 0 { return -.infinity }
        let e = x.exponent
        let m = x.significand  // [1, 2)
        let z = (m - 1) / (m + 1), z2 = z * z
        var term = z, sum = 0.0
        var n = 1.0
        while n < 40 {
            sum += term / n
            term *= z2
            n += 2
        }
        return Double(e) * ln2 + 2 * sum
    }
}
