package io.tidewatch.template.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A file attached to a template, its content kept base64 exactly as the client sent it. */
@Entity
@Table(name = "template_attachment")
public class TemplateAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "template_id", nullable = false)
    public long templateId;

    @Column(nullable = false)
    public String name;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(nullable = false, columnDefinition = "text")
    public String content;
}
