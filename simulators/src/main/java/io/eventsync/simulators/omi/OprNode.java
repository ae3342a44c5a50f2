package io.eventsync.simulators.omi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One element of an OPR document as OMi writes it: a name and either a text (a leaf) or child
 * elements in document order (a branch). OMi's data model is all elements ("Forward events and
 * event changes from OPR client" sends and expects {@code OprEvent}, {@code OprEventList},
 * {@code OprEventChange}, {@code OprEventChangeList}); repeated names stand for lists, as in the
 * XML. Immutable; the {@code with*} methods answer changed copies.
 */
public final class OprNode {

    private final String name;
    private final String text;
    private final List<OprNode> children;

    private OprNode(String name, String text, List<OprNode> children) {
        this.name = Objects.requireNonNull(name, "name");
        this.text = text;
        this.children = children;
    }

    /** An element holding text; {@code ""} for an empty element. */
    public static OprNode leaf(String name, String text) {
        return new OprNode(name, text == null ? "" : text, List.of());
    }

    /** An element holding other elements, in this order. */
    public static OprNode branch(String name, List<OprNode> children) {
        return new OprNode(name, null, List.copyOf(children));
    }

    public static OprNode branch(String name, OprNode... children) {
        return branch(name, List.of(children));
    }

    public String name() {
        return name;
    }

    public boolean isLeaf() {
        return text != null;
    }

    /** The text of a leaf; {@code null} for a branch. */
    public String text() {
        return text;
    }

    /** The child elements in document order; empty for a leaf. */
    public List<OprNode> children() {
        return children;
    }

    /** The first child of that name. */
    public Optional<OprNode> child(String childName) {
        return children.stream().filter(child -> child.name.equals(childName)).findFirst();
    }

    /** The text of the first child of that name, when it is a leaf. */
    public Optional<String> textOf(String childName) {
        return child(childName).filter(OprNode::isLeaf).map(OprNode::text);
    }

    /** Every child of that name, in document order. */
    public List<OprNode> children(String childName) {
        return children.stream().filter(child -> child.name.equals(childName)).toList();
    }

    /** This branch with {@code child} in place of the first child of its name, or added at the end. */
    public OprNode with(OprNode child) {
        List<OprNode> changed = new ArrayList<>(children);
        for (int i = 0; i < changed.size(); i++) {
            if (changed.get(i).name.equals(child.name)) {
                changed.set(i, child);
                return branch(name, changed);
            }
        }
        changed.add(child);
        return branch(name, changed);
    }

    /** This branch with a leaf {@code childName} holding {@code childText}. */
    public OprNode with(String childName, String childText) {
        return with(leaf(childName, childText));
    }

    /** This branch with {@code child} added after the others, even if one has its name. */
    public OprNode plus(OprNode child) {
        List<OprNode> changed = new ArrayList<>(children);
        changed.add(child);
        return branch(name, changed);
    }

    /** This branch without any child of that name. */
    public OprNode without(String childName) {
        return branch(name, children.stream().filter(child -> !child.name.equals(childName)).toList());
    }

    /** The same element under another name. */
    public OprNode renamed(String newName) {
        return new OprNode(newName, text, children);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OprNode other && name.equals(other.name) && Objects.equals(text, other.text)
                && children.equals(other.children);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, text, children);
    }

    /** A compact one-line form, {@code event{id=1, title=x}}, for test failures. */
    @Override
    public String toString() {
        if (isLeaf()) {
            return name + "=" + text;
        }
        StringBuilder out = new StringBuilder(name).append('{');
        for (int i = 0; i < children.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(children.get(i));
        }
        return out.append('}').toString();
    }
}
