package ch.frontdesk.common;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An email address we may write to, written once for every request: present, at most 254 characters, one
 * {@code @} and a dot in the domain. Invisible and control characters are refused before, by {@link PlainText}.
 */
@NotBlank
@Size(max = 254)
@Email(regexp = EmailAddress.PATTERN, message = "must be a valid email address")
@Documented
@Constraint(validatedBy = {})
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailAddress {

    String PATTERN = "[^\\s@]+@[^\\s@]+\\.[^\\s@]+";

    String message() default "must be a valid email address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
