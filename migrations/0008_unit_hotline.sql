-- The numbers residents may call (đường dây nóng) of a unit, shown on the citizen pages;
-- free text such as "0207 3822 113; 0912 345 678".
ALTER TABLE units ADD COLUMN hotline TEXT NOT NULL DEFAULT '';
