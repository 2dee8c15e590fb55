-- Rule: a product's slug before any clash suffix: its name in lower case, common accents folded,
-- every run of other characters one "-", at most 80 characters, "product" when nothing is left.
-- The migration that added Product.slug backfilled existing rows with the same expression.
CREATE OR REPLACE FUNCTION product_slug_base(p_name text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT COALESCE(NULLIF(trim(BOTH '-' FROM left(regexp_replace(translate(lower(p_name), 'àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ', 'aaaaaaaceeeeiiiinoooooouuuuyy'), '[^a-z0-9]+', '-', 'g'), 80)), ''), 'product');
$$;
