-- Rule: a new product's slug is product_slug_base(name), or base-2, base-3... when taken (the
-- unique index decides between two concurrent inserts: the loser's save is retried). Only on
-- INSERT and only when none was given: a rename keeps the product's URL.
CREATE OR REPLACE FUNCTION product_assign_slug() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  base text := product_slug_base(NEW.name);
  candidate text := base;
  n integer := 1;
BEGIN
  IF NEW.slug <> '' THEN RETURN NEW; END IF;
  WHILE EXISTS (SELECT 1 FROM "Product" WHERE slug = candidate) LOOP
    n := n + 1;
    candidate := base || '-' || n;
  END LOOP;
  NEW.slug := candidate;
  RETURN NEW;
END $$;
