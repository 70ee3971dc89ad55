package org.prospectus.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A field a form cannot take, such as row 99,999 of a list that holds ten, is a request
 * no page of ours sends: it gets the 400 page, not a server error.
 */
@ControllerAdvice
class UnbindableInputAdvice {

	@ExceptionHandler(InvalidPropertyException.class)
	void unbindable(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.BAD_REQUEST.value());
	}

}
