"""Uploaded objects: the ports (`base`: `ObjectSource`, `Bucket`) and their S3 adapter (`s3`)."""
