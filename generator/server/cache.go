package server

import "sync"

// cache is a small map of recent values: when full, it forgets the oldest
// entry. It is safe for concurrent use.
type cache[V any] struct {
	mu    sync.Mutex
	max   int
	m     map[string]V
	order []string
}

func newCache[V any](max int) *cache[V] {
	return &cache[V]{max: max, m: map[string]V{}}
}

func (c *cache[V]) get(key string) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[key]
	return v, ok
}

func (c *cache[V]) set(key string, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[key]; !ok {
		if len(c.order) >= c.max {
			delete(c.m, c.order[0])
			c.order = c.order[1:]
		}
		c.order = append(c.order, key)
	}
	c.m[key] = v
}
