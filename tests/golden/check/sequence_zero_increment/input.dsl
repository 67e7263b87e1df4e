sequence zero (increment 0)
sequence once (cache 5 cache 6)
