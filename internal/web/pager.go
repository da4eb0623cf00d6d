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

// pager is what the pager of a list shows.
type pager struct {
	PageNo int
	Pages  int
	Prev   string
	Next   string
}

func newPager(path string, q url.Values, keys []string, pageNo int, total int64) pager {
	p := pager{PageNo: pageNo, Pages: publicityPages(total)}
	if pageNo > 1 {
		p.Prev = pagedURL(path, q, keys, pageNo-1)
	}
	if pageNo < p.Pages {
		p.Next = pagedURL(path, q, keys, pageNo+1)
	}
	return p
}
