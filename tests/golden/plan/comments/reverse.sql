-- schemac plan: 3 changes, 1 destructive
--   drop column public.t.at  [DESTRUCTIVE, ACCESS EXCLUSIVE lock]
--   comment on table public.t
--   comment on column public.t.amount

-- drop column public.t.at
ALTER TABLE public.t DROP COLUMN at;

-- comment on table public.t
COMMENT ON TABLE public.t IS 'Old text.';

-- comment on column public.t.amount
COMMENT ON COLUMN public.t.amount IS 'The amount.';
