-- The mark as images: SHA-256 hashes of uploaded pictures, space-separated, in order.
ALTER TABLE rights ADD COLUMN mark_images TEXT NOT NULL DEFAULT '';
