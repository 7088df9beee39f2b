#include "chtml_shim.h"
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <string.h>

static void chtml_silent(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

void chtml_init(void) {
    xmlInitParser();
    // Encoding and parse errors go to the record, never to standard error.
    xmlSetGenericErrorFunc(NULL, chtml_silent);
    xmlThrDefSetGenericErrorFunc(NULL, chtml_silent);
    xmlSetStructuredErrorFunc(NULL, NULL);
}

void chtml_silence_thread(void) { xmlSetGenericErrorFunc(NULL, chtml_silent); }

chtml_doc *chtml_parse(const void *buf, int32_t len, const char *encoding, int32_t lift_limits, int32_t *status) {
    chtml_silence_thread();
    *status = CHTML_PARSED;
    // XML_PARSE_HUGE lifts libxml2's hard-coded limits (256 levels of nesting, 10 MB text
    // nodes and look-ahead); htmlCtxtUseOptions honours it for HTML too.
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
        | HTML_PARSE_COMPACT | HTML_PARSE_NOBLANKS | (lift_limits ? XML_PARSE_HUGE : 0);
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (ctxt == NULL) { *status = CHTML_TOO_LARGE; return NULL; }
    htmlDocPtr doc = htmlCtxtReadMemory(ctxt, (const char *)buf, len, NULL, encoding, options);
    // A parser that halted (a limit, memory) stopped reading: the rest of the page is lost.
    if (ctxt->disableSAX || ctxt->errNo == XML_ERR_NO_MEMORY) {
        const char *message = ctxt->lastError.message;
        *status = (message != NULL && strstr(message, "depth") != NULL) ? CHTML_TOO_DEEP : CHTML_TOO_LARGE;
    }
    htmlFreeParserCtxt(ctxt);
    return (chtml_doc *)doc;
}
void chtml_free_doc(chtml_doc *doc) { if (doc) xmlFreeDoc((xmlDocPtr)doc); }
const chtml_node *chtml_root(const chtml_doc *doc) { return (const chtml_node *)xmlDocGetRootElement((xmlDocPtr)doc); }
const chtml_node *chtml_first_child(const chtml_node *n) { return (const chtml_node *)((xmlNodePtr)n)->children; }
const chtml_node *chtml_next(const chtml_node *n) { return (const chtml_node *)((xmlNodePtr)n)->next; }
int32_t chtml_type(const chtml_node *n) { return (int32_t)((xmlNodePtr)n)->type; }
const char *chtml_name(const chtml_node *n) { return (const char *)((xmlNodePtr)n)->name; }
const char *chtml_content(const chtml_node *n) { return (const char *)((xmlNodePtr)n)->content; }
const void *chtml_attr_first(const chtml_node *n) {
    xmlNodePtr node = (xmlNodePtr)n;
    return node->type == XML_ELEMENT_NODE ? (const void *)node->properties : NULL;
}
const void *chtml_attr_next(const void *attr) { return (const void *)((xmlAttrPtr)attr)->next; }
const char *chtml_attr_name(const void *attr) { return (const char *)((xmlAttrPtr)attr)->name; }
const char *chtml_attr_value(const void *attr) {
    xmlAttrPtr a = (xmlAttrPtr)attr;
    if (a->children && a->children->type == XML_TEXT_NODE && a->children->next == NULL)
        return (const char *)a->children->content;
    return NULL;
}
