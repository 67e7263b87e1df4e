extension timescaledb

schema market {
  table fills {
    seq       bigint
    venue     text
    placed_at timestamptz

    primary key (seq, venue, placed_at)

    hypertable on seq {
      chunk_interval 100000
      partition_by venue hash 3
      partition_by placed_at range 6 hours
      integer_now clock.now_seq
      retention 5000000
    }
  }

  table counters {
    n bigint

    hypertable on n {
      chunk_interval 1000
      integer_now counters_now
    }
  }
}
