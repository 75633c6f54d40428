package io.tidewatch.branding.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Turns an uploaded SVG into a static picture: parsed with the JDK's XML parser (no DTD, no entities, no external
 * access), then copied element by element into a fresh document through allow-lists. Whatever is not on a list is
 * dropped: scripts, event handlers ({@code on*}), {@code foreignObject}, animation (which can rewrite links), links,
 * references outside the document ({@code href} other than {@code #fragment}, {@code url()} other than
 * {@code url(#id)}), CSS that imports or escapes, processing instructions and comments.
 * <p>
 * Written here rather than taken from a library: the OWASP HTML sanitizer and AntiSamy parse HTML, lower-casing
 * case-sensitive SVG names such as {@code viewBox}, and the one SVG-specific Java library found (a 0.x,
 * single-maintainer project) filters by a block-list of elements. An allow-list we own and test is the smaller risk.
 */
public final class SvgSanitizer {

    /** The SVG namespace. */
    public static final String SVG_NS = "http://www.w3.org/2000/svg";

    private static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    private static final int MAX_ELEMENTS = 20_000;
    private static final int MAX_DEPTH = 64;

    private static final Set<String> ELEMENTS = Set.of("svg", "g", "defs", "symbol", "use", "title", "desc", "path", "rect",
            "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath", "switch", "linearGradient",
            "radialGradient", "stop", "clipPath", "mask", "pattern", "marker", "image", "style", "filter", "feBlend",
            "feColorMatrix", "feComponentTransfer", "feFuncR", "feFuncG", "feFuncB", "feFuncA", "feComposite", "feFlood",
            "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology", "feOffset", "feDropShadow");

    /** Elements whose text content is kept. */
    private static final Set<String> TEXT_ELEMENTS = Set.of("text", "tspan", "textPath", "title", "desc", "style");

    private static final Set<String> ATTRIBUTES = Set.of("id", "class", "style", "transform", "viewBox",
            "preserveAspectRatio", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "d",
            "points", "pathLength", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap",
            "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "stroke-opacity", "opacity",
            "color", "display", "visibility", "overflow", "clip-path", "clip-rule", "mask", "filter", "font-family",
            "font-size", "font-weight", "font-style", "font-variant", "font-stretch", "text-anchor", "dominant-baseline",
            "alignment-baseline", "baseline-shift", "letter-spacing", "word-spacing", "text-decoration", "dx", "dy",
            "rotate", "textLength", "lengthAdjust", "startOffset", "gradientUnits", "gradientTransform", "spreadMethod",
            "fx", "fy", "fr", "offset", "stop-color", "stop-opacity", "clipPathUnits", "maskUnits", "maskContentUnits",
            "patternUnits", "patternContentUnits", "patternTransform", "markerWidth", "markerHeight", "markerUnits",
            "refX", "refY", "orient", "marker-start", "marker-mid", "marker-end", "filterUnits", "primitiveUnits", "in",
            "in2", "result", "stdDeviation", "mode", "type", "values", "operator", "k1", "k2", "k3", "k4", "flood-color",
            "flood-opacity", "radius", "tableValues", "slope", "intercept", "amplitude", "exponent", "shape-rendering",
            "image-rendering", "color-interpolation", "color-interpolation-filters", "vector-effect", "paint-order",
            "mix-blend-mode", "isolation", "version", "role", "aria-label", "aria-hidden", "lang");

    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^>\\[]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_REF = Pattern.compile("url\\s*\\(\\s*['\"]?\\s*([^)'\"\\s]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FRAGMENT = Pattern.compile("#[A-Za-z_][A-Za-z0-9_.:-]*");
    private static final Pattern DATA_IMAGE = Pattern.compile("data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\\s]*");
    private static final Pattern DANGEROUS_CSS = Pattern.compile(
            "\\\\|@import|@font-face|expression\\s*\\(|javascript:|vbscript:|behavior\\s*:|-moz-binding|<",
            Pattern.CASE_INSENSITIVE);

    private SvgSanitizer() {
    }

    /** Why an upload is not an acceptable SVG; the message is safe to show the client. */
    public static final class NotSvgException extends Exception {

        private static final long serialVersionUID = 1L;

        NotSvgException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The sanitized SVG, or empty when these bytes are not XML with an {@code <svg>} root at all (another format).
     * Throws when they are SVG that cannot be accepted (entity declarations, too large a tree).
     */
    public static Optional<byte[]> sanitize(byte[] bytes) throws NotSvgException {
        Optional<String> text = utf8(bytes);
        if (text.isEmpty() || !looksLikeXml(text.get())) {
            return Optional.empty();
        }
        Document input = parse(withoutPlainDoctype(text.get()));
        if (input == null) {
            return Optional.empty();
        }
        Element root = input.getDocumentElement();
        String namespace = root.getNamespaceURI();
        if (!"svg".equals(root.getLocalName()) || !(namespace == null || SVG_NS.equals(namespace))) {
            return Optional.empty();
        }
        Document output = newDocument();
        Element svg = output.createElementNS(SVG_NS, "svg");
        svg.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", SVG_NS);
        svg.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xlink", XLINK_NS);
        output.appendChild(svg);
        Copier copier = new Copier(output, namespace);
        copier.copyAttributes(root, svg);
        copier.copyChildren(root, svg, 1);
        return Optional.of(serialize(output));
    }

    /** Copies allowed nodes from the parsed upload into the fresh document, counting elements as it goes. */
    private static final class Copier {

        private final Document output;
        private final String namespace;
        private int elements;

        Copier(Document output, String namespace) {
            this.output = output;
            this.namespace = namespace;
        }

        void copyChildren(Element from, Element to, int depth) throws NotSvgException {
            if (depth > MAX_DEPTH) {
                throw new NotSvgException("is nested too deeply");
            }
            NodeList children = from.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                Node child = children.item(i);
                if (child.getNodeType() == Node.ELEMENT_NODE) {
                    copyElement((Element) child, to, depth);
                } else if ((child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE)
                        && TEXT_ELEMENTS.contains(to.getLocalName())) {
                    to.appendChild(output.createTextNode(child.getNodeValue()));
                }
            }
        }

        private void copyElement(Element element, Element parent, int depth) throws NotSvgException {
            if (++elements > MAX_ELEMENTS) {
                throw new NotSvgException("has too many elements");
            }
            if (!sameNamespace(element.getNamespaceURI())) {
                return;
            }
            String name = element.getLocalName();
            if ("a".equals(name)) {
                // A link's target is dropped; what it wraps stays as a plain group.
                Element group = output.createElementNS(SVG_NS, "g");
                parent.appendChild(group);
                copyChildren(element, group, depth + 1);
                return;
            }
            if (!ELEMENTS.contains(name)) {
                return;
            }
            if ("style".equals(name) && !safeCss(element.getTextContent())) {
                return;
            }
            Element copy = output.createElementNS(SVG_NS, name);
            parent.appendChild(copy);
            copyAttributes(element, copy);
            copyChildren(element, copy, depth + 1);
        }

        void copyAttributes(Element from, Element to) {
            NamedNodeMap attributes = from.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                String ns = attribute.getNamespaceURI();
                String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
                String value = attribute.getValue();
                if (ns == null && "href".equals(name) || XLINK_NS.equals(ns) && "href".equals(name)) {
                    if (safeReference(to.getLocalName(), value)) {
                        to.setAttributeNS(XLINK_NS, "xlink:href", value.trim());
                    }
                } else if (XMLConstants.XML_NS_URI.equals(ns) && "space".equals(name)) {
                    to.setAttributeNS(XMLConstants.XML_NS_URI, "xml:space", value);
                } else if (ns == null && ATTRIBUTES.contains(name) && safeValue(value)) {
                    to.setAttribute(name, value);
                }
            }
        }

        private boolean sameNamespace(String ns) {
            return namespace == null ? ns == null : namespace.equals(ns);
        }
    }

    /** A reference may only point inside the document, except an image's inline raster data. */
    static boolean safeReference(String element, String value) {
        String target = value.trim();
        if (FRAGMENT.matcher(target).matches()) {
            return true;
        }
        return "image".equals(element) && DATA_IMAGE.matcher(target).matches();
    }

    /** An attribute value may use {@code url()} only for fragments, and never script or CSS tricks. */
    static boolean safeValue(String value) {
        return safeCss(value);
    }

    static boolean safeCss(String css) {
        if (css == null) {
            return true;
        }
        if (DANGEROUS_CSS.matcher(css).find()) {
            return false;
        }
        Matcher urls = URL_REF.matcher(css);
        while (urls.find()) {
            if (!FRAGMENT.matcher(urls.group(1)).matches()) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean looksLikeXml(String text) {
        return text.stripLeading().startsWith("<");
    }

    /** A DOCTYPE that only names the SVG DTD (as editors write it) is removed; one with declarations is refused. */
    private static String withoutPlainDoctype(String text) throws NotSvgException {
        int doctype = text.toUpperCase(Locale.ROOT).indexOf("<!DOCTYPE");
        if (doctype < 0) {
            return text;
        }
        Matcher plain = DOCTYPE.matcher(text);
        if (!plain.find(doctype) || plain.start() != doctype) {
            throw new NotSvgException("must not declare entities (a DOCTYPE with declarations is not accepted)");
        }
        return text.substring(0, plain.start()) + text.substring(plain.end());
    }

    private static Document parse(String text) throws NotSvgException {
        try {
            DocumentBuilder builder = parserFactory().newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            return builder.parse(new InputSource(new StringReader(text)));
        } catch (SAXException | IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("DOCTYPE")) {
                throw new NotSvgException("must not contain a DOCTYPE");
            }
            return null;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser cannot be configured securely", e);
        }
    }

    private static DocumentBuilderFactory parserFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    private static Document newDocument() {
        try {
            return parserFactory().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser cannot be configured securely", e);
        }
    }

    private static byte[] serialize(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.METHOD, "xml");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("could not write the sanitized SVG", e);
        }
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
            // Warnings do not make a document unusable.
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };
}
