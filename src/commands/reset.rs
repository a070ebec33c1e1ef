//! `pykata reset KATA`: back up the learner's file and put the starter back.

use super::{exit, Ctx, Outcome};

pub fn run(ctx: &Ctx, id: &str) -> Outcome {
    let course = ctx.course()?;
    let kata = super::kata(&course, id)?;
    let ws = ctx.workspace()?;
    let backup = ws.reset(kata)?;
    let path = ws.kata_path(kata);
    match backup {
        Some(b) => println!(
            "Your file was copied to {}\n{} is back to its starter; `pykata restore {}` brings your file back.",
            b.display(),
            path.display(),
            kata.id
        ),
        None => println!("{} was created from its starter.", path.display()),
    }
    Ok(exit::OK)
}
