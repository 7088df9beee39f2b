#ifndef CHTML_SHIM_H
#define CHTML_SHIM_H
// Opaque facade over libxml2's HTML parser. No libxml2 header may reach Swift: Debian's
// libxml2 headers include ICU's, which clash with Foundation's private ICU module.
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct chtml_doc chtml_doc;
typedef struct chtml_node chtml_node;

#define CHTML_ELEMENT 1
#define CHTML_TEXT 3
#define CHTML_CDATA 4
#define CHTML_COMMENT 8

/// Initializes libxml2 once and silences its error output; call before parsing from
/// several threads.
void chtml_init(void);
/// Silences libxml2's error output on the calling thread (done by chtml_parse).
void chtml_silence_thread(void);
/// Outcomes of `chtml_parse`: the whole page was read, or the parser stopped at a limit
/// (nesting depth; a text, attribute or look-ahead size) and the rest of the page is lost.
#define CHTML_PARSED 0
#define CHTML_TOO_DEEP 1
#define CHTML_TOO_LARGE 2

/// Parses `len` bytes of HTML leniently (recover, no network, no error output).
/// `encoding` NULL lets libxml2 sniff; pass "UTF-8" or "windows-1252" to force one.
/// `lift_limits` non-zero parses with XML_PARSE_HUGE (no depth or size limit short of memory).
/// `status` receives CHTML_PARSED, CHTML_TOO_DEEP or CHTML_TOO_LARGE.
chtml_doc *chtml_parse(const void *buf, int32_t len, const char *encoding, int32_t lift_limits, int32_t *status);
/// Frees a parsed document.
void chtml_free_doc(chtml_doc *doc);

/// The root element, or NULL.
const chtml_node *chtml_root(const chtml_doc *doc);
/// First child, next sibling (NULL at the end).
const chtml_node *chtml_first_child(const chtml_node *n);
const chtml_node *chtml_next(const chtml_node *n);
/// Node type: CHTML_ELEMENT, CHTML_TEXT, CHTML_CDATA, CHTML_COMMENT or another libxml2 type.
int32_t chtml_type(const chtml_node *n);
/// Element name, lower case, UTF-8; NULL for nameless nodes.
const char *chtml_name(const chtml_node *n);
/// Text or CDATA content, UTF-8; NULL for elements.
const char *chtml_content(const chtml_node *n);
/// Iterates attributes: the first with `chtml_attr_first`, then `chtml_attr_next`.
/// Each gives the attribute's name and its value (UTF-8, valid until the document is freed;
/// NULL when the value is not a single text node).
const void *chtml_attr_first(const chtml_node *n);
const void *chtml_attr_next(const void *attr);
const char *chtml_attr_name(const void *attr);
const char *chtml_attr_value(const void *attr);

#ifdef __cplusplus
}
#endif
#endif
