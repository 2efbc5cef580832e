package web

// pager is a list's page links, the one layout of every paged page (项目库,
// 督办事项): the first and last pages and three either side of the
// current one, with gaps marked, and the previous and next pages.
type pager struct {
	Pages      []pageLink
	Prev, Next string
}

type pageLink struct {
	N       int
	URL     string
	Current bool
	Gap     bool // pages are left out before this one
}

// paged cuts n items into pages of perPage and lays out the links around
// page (clamped to the pages there are); url is page k's address. It
// returns the page shown and the range of its items, [from, to).
func paged(page, n int, url func(k int) string) (p pager, shown, from, to int) {
	pages := (n + perPage - 1) / perPage
	shown = min(max(page, 1), max(pages, 1))
	for k := 1; k <= pages; k++ {
		if k == 1 || k == pages || k >= shown-3 && k <= shown+3 {
			gap := len(p.Pages) > 0 && p.Pages[len(p.Pages)-1].N != k-1
			p.Pages = append(p.Pages, pageLink{N: k, URL: url(k), Current: k == shown, Gap: gap})
		}
	}
	if shown > 1 {
		p.Prev = url(shown - 1)
	}
	if shown < pages {
		p.Next = url(shown + 1)
	}
	from = (shown - 1) * perPage
	return p, shown, from, min(from+perPage, n)
}
