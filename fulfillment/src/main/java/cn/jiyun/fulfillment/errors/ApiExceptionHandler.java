package cn.jiyun.fulfillment.errors;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.mapping.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every refusal of the API is an RFC 7807 problem; validation problems carry an {@code errors}
 * list naming each bad field, so a client can show the reason next to the input.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** One bad field of a request. */
    public record FieldError(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException ex,
            @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(
                e -> errors.add(new FieldError(e.getField(), e.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors().forEach(
                e -> errors.add(new FieldError(e.getObjectName(), e.getDefaultMessage())));
        errors.sort(Comparator.comparing(FieldError::field));
        ProblemDetail problem = validationProblem(errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException ex,
            @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("Malformed request body");
        // the Jackson exception that names the field, not the deepest cause (a bad date's cause is the
        // DateTimeParseException, which names no field); messages naming the service's classes are never shown
        MismatchedInputException mismatch = null;
        for (Throwable t = ex.getCause(); t != null && mismatch == null; t = t.getCause()) {
            if (t instanceof MismatchedInputException m) {
                mismatch = m;
            }
        }
        if (mismatch instanceof UnrecognizedPropertyException unknown) {
            problem.setDetail("Unknown field '" + unknown.getPropertyName() + "'");
            problem.setProperty("errors", List.of(new FieldError(path(unknown), "unknown field")));
        } else if (mismatch instanceof InvalidFormatException format && !format.getPath().isEmpty()) {
            problem.setDetail("Field '" + path(format) + "' has an invalid value: " + format.getValue());
            problem.setProperty("errors", List.of(new FieldError(path(format), "invalid value: " + format.getValue())));
        } else if (mismatch != null && !mismatch.getPath().isEmpty()) {
            problem.setDetail("Field '" + path(mismatch) + "' has the wrong type or an invalid value");
            problem.setProperty("errors", List.of(new FieldError(path(mismatch), "wrong type or invalid value")));
        } else if (mismatch != null) {
            problem.setDetail("The body must be one JSON object");
        } else if (ex.getCause() instanceof JsonMappingException wrapped && wrapped.getCause() instanceof
                InputCoercionException && !wrapped.getPath().isEmpty()) {
            // a number beyond its field's type (2^64 for a long, 10^400 for an int): the parser's refusal, which
            // names no field, wrapped with the path where it stood
            problem.setDetail("Field '" + path(wrapped) + "' is a number out of range");
            problem.setProperty("errors", List.of(new FieldError(path(wrapped), "number out of range")));
        } else if (ex.getCause() == null) {
            problem.setDetail("The request needs a JSON body");
        } else if (ex.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException parse
                && parse.getLocation() != null) {
            problem.setDetail("The body is not valid JSON (line " + parse.getLocation().getLineNr() + ", column "
                    + parse.getLocation().getColumnNr() + ")");
        } else {
            problem.setDetail("The body is not valid JSON");
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidFieldException ex) {
        return ResponseEntity.badRequest().body(validationProblem(List.of(new FieldError(ex.field(), ex.getMessage()))));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
        List<FieldError> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return ResponseEntity.badRequest().body(validationProblem(errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return ResponseEntity.badRequest().body(validationProblem(
                List.of(new FieldError(ex.getName(), "invalid value: " + ex.getValue()))));
    }

    /**
     * A list sorted by a property it does not have ({@code ?sort=nonexistent}): Spring Data refuses it
     * when the query is built, sometimes wrapped in a data-access exception.
     */
    @ExceptionHandler({PropertyReferenceException.class, InvalidDataAccessApiUsageException.class})
    ResponseEntity<ProblemDetail> unknownSortProperty(RuntimeException ex) throws Exception {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof PropertyReferenceException unknown) {
                return ResponseEntity.badRequest().body(validationProblem(List.of(new FieldError("sort",
                        "cannot sort by '" + unknown.getPropertyName() + "'"))));
            }
        }
        return unexpected(ex);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Conflict");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** A constraint the database enforces that the services did not catch first (e.g. a race on a unique key). */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The change conflicts with stored data: " + firstLine(ex.getMostSpecificCause().getMessage()));
        problem.setTitle("Conflict");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /**
     * Two requests changed the same record at the same moment (an optimistic-lock or lock failure):
     * the loser changed nothing and may simply send its request again.
     */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyFailureException ex) {
        log.info("Concurrent change refused: {}", firstLine(ex.getMessage()));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Someone changed the same record at the same moment; nothing was changed. Send the request again.");
        problem.setTitle("Conflict");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** Anything unforeseen: logged with its trace, answered without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) throws Exception {
        if (ex instanceof AccessDeniedException
                || ex instanceof AuthenticationException) {
            throw ex;
        }
        log.error("Unexpected failure", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; nothing was changed. Please try again.");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }

    private static ProblemDetail validationProblem(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle("Invalid request");
        problem.setDetail(errors.stream().map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String path(JsonMappingException ex) {
        return ex.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String lastNode(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
