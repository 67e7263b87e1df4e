-- schemac plan: 3 changes
--   add column public.t.at (timestamptz)  [ACCESS EXCLUSIVE lock]
--     note: NOT NULL without a default: fails if the table has rows
--   comment on table public.t
--   comment on column public.t.amount

-- add column public.t.at (timestamptz)
ALTER TABLE public.t ADD COLUMN at timestamptz NOT NULL;
COMMENT ON COLUMN public.t.at IS 'When it happened.';

-- comment on table public.t
COMMENT ON TABLE public.t IS 'It''s the new text.';

-- comment on column public.t.amount
COMMENT ON COLUMN public.t.amount IS NULL;
