"""Build scripts: turn the policy texts under source_texts/ into Markdown pages and open data under docs/."""
