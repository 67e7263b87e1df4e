table "" {
  "" int
}

enum side { buy, '' }
