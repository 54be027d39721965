#ifndef RELGRAPH_CGRAPHVIZ_SHIM_H
#define RELGRAPH_CGRAPHVIZ_SHIM_H
#include <stdio.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/* Swift 6 rejects cgraph's mutable globals and cannot import its
   function-like macros; these accessors expose them as functions. */

static inline Agdesc_t rg_agdirected(void) { return Agdirected; }
static inline Agdesc_t rg_agundirected(void) { return Agundirected; }
static inline Agdesc_t rg_agstrictdirected(void) { return Agstrictdirected; }
static inline Agdesc_t rg_agstrictundirected(void) { return Agstrictundirected; }

/* Creation sequence number of a graph, node or edge (file order). */
static inline unsigned long rg_agseq(void *obj) { return (unsigned long)AGSEQ(obj); }
static inline Agnode_t *rg_agtail(Agedge_t *e) { return agtail(e); }
static inline Agnode_t *rg_aghead(Agedge_t *e) { return aghead(e); }

#endif
