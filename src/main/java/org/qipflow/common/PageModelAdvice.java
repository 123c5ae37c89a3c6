package org.qipflow.common;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/** What every page needs (the current path for the navigation) and friendly pages for common failures. */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageModelAdvice {

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notFound(NotFoundException e, HttpServletRequest request) {
        return errorPage("Page not found", e.getMessage(), request);
    }

    /** Something changed meanwhile (a decision already made, a question closed): say what, change nothing. */
    @ExceptionHandler(ConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ModelAndView conflict(ConflictException e, HttpServletRequest request) {
        return errorPage("This has changed meanwhile", e.getMessage(), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
    ModelAndView tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        ModelAndView page = errorPage("The file is too large",
                "Files can be up to 20 MB. Nothing was stored: split the file into smaller ones and upload each.",
                request);
        // back to the form the upload came from, on this site only (an upload refused while its request was
        // being read reaches here on the error dispatch, which keeps the address it was sent to)
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = original instanceof String uri ? uri : request.getRequestURI();
        if (path.endsWith("/records/upload")) {
            page.addObject("backLink", path.substring(0, path.length() - "/records/upload".length()) + "#records");
        }
        return page;
    }

    private static ModelAndView errorPage(String title, String message, HttpServletRequest request) {
        ModelAndView page = new ModelAndView("error");
        page.addObject("errorTitle", title);
        page.addObject("errorMessage", message);
        page.addObject("currentPath", request.getRequestURI());
        return page;
    }

}
