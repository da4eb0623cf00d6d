package web

import (
	"net/url"
	"strconv"
	"strings"

	"bordermark/internal/ipr"
)

// Paging of lists: ?page= and the links to the pages around it.

// publicityPageSize is how many articles, notes or questions a list page shows.
const publicityPageSize = 20

// pageNumber reads ?page=, 1 when absent; a bad number is a problem for field "page".
func pageNumber(q url.Values, p ipr.Problems) int {
	v := q.Get("page")
	if v == "" {
		return 1
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 10_000 {
		p.Add("page", "must be a whole number from 1 to 10000")
		return 1
	}
	return n
}

// publicityPages is how many pages total items fill, at least one.
func publicityPages(total int64) int {
	return max(1, int((total+publicityPageSize-1)/publicityPageSize))
}

// pagedURL is path with the non-empty query values of keys, and the page number when above 1.
func pagedURL(path string, q url.Values, keys []string, n int) string {
	out := url.Values{}
	for _, k := range keys {
		if v := strings.TrimSpace(q.Get(k)); v != "" {
			out.Set(k, v)
		}
	}
	if n > 1 {
		out.Set("page", strconv.Itoa(n))
	}
	if len(out) == 0 {
		return path
	}
	return path + "?" + out.Encode()
}

// pager is a list's place among its pages, for the "pages" partial (layout.html).
type pager struct {
	PageNo int
	Pages  int
	path   string
	q      url.Values
	keys   []string
}

func newPager(path string, q url.Values, keys []string, pageNo int, total int64) pager {
	return pager{PageNo: pageNo, Pages: publicityPages(total), path: path, q: q, keys: keys}
}

// PageURL is the same list at page n.
func (p pager) PageURL(n int) string { return pagedURL(p.path, p.q, p.keys, n) }
