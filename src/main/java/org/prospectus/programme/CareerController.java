package org.prospectus.programme;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class CareerController {

	private final CareerService careers;

	CareerController(CareerService careers) {
		this.careers = careers;
	}

	@GetMapping("/careers")
	String careers(Model model) {
		model.addAttribute("careers", this.careers.listing());
		return "careers";
	}

}
